using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>Issue 13 §4: a bulletin is signed with its author's display name, or "Ban biên tập" when the editor chooses; never with an e-mail address.</summary>
public sealed class BylineTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    [Fact]
    public async Task ArticlePage_ShowsTheAuthorsDisplayName_NeverTheEmail()
    {
        var email = $"lan-{Guid.NewGuid():N}@quan5.local";
        var editor = await app.SignInAsync(StaffRoles.Editor, email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Nguyễn Thị Lan")));
        var id = await EditorForms.CreateAsync(editor, "Bản tin ký tên người viết");

        var response = await EditorForms.GetPublicAsync(app.CreateBrowser(), id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);
        Assert.Equal("Nguyễn Thị Lan", page.Text("[data-test=byline]"));
        Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@quan5.local", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ArticlePage_EditorChoseNewsroom_IsSignedBanBiênTập()
    {
        var email = $"hung-{Guid.NewGuid():N}@quan5.local";
        var editor = await app.SignInAsync(StaffRoles.Editor, email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Trần Văn Hùng")));
        var id = await EditorForms.CreateAsync(editor, "Bản tin ký tên ban biên tập");

        var response = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.ByNewsroom"] = "true" }, "publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        Assert.Equal("Ban biên tập", page.Text("[data-test=byline]"));
        Assert.DoesNotContain("Trần Văn Hùng", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var (_, form) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("[data-test=by-newsroom]")!).IsChecked);
    }

    [Fact]
    public async Task ArticlePage_DisplayNameThatIsAnEmail_IsSignedBanBiênTập()
    {
        var email = $"thu-{Guid.NewGuid():N}@quan5.local";
        var editor = await app.SignInAsync(StaffRoles.Editor, email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, email)));
        var id = await EditorForms.CreateAsync(editor, "Bản tin của tài khoản không có tên");

        var response = await EditorForms.GetPublicAsync(app.CreateBrowser(), id);

        Assert.Equal("Ban biên tập", (await Html.ParseAsync(response)).Text("[data-test=byline]"));
    }
}
