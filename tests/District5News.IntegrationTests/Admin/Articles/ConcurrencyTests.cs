using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>Two editors on one bulletin: the second save is stopped, shown both texts, and loses nothing.</summary>
public abstract class ConcurrencyTests(EditorAppFactory app)
{
    [Fact]
    public async Task SecondSave_AfterSomeoneElseSaved_Is409WithBothTextsAndNothingLost()
    {
        var firstEmail = $"nguoi-truoc-{Guid.NewGuid():N}@quan5.local";
        var first = await app.SignInAsync(StaffRoles.Editor, firstEmail);
        var second = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(first, "Bản tin hai người cùng sửa", body: "<p>Bản gốc.</p>");
        var firstForm = await EditorForms.ReadFormAsync(first, EditorForms.EditUrl(id));
        var secondForm = await EditorForms.ReadFormAsync(second, EditorForms.EditUrl(id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        firstForm["Input.Body"] = "<p>Bản của người thứ nhất.</p>";
        firstForm["Input.Intent"] = "publish";
        var firstSave = await EditorForms.PostAsync(first, EditorForms.EditUrl(id), firstForm);
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        secondForm["Input.Body"] = "<p>Bản của người thứ hai, gõ rất lâu.</p>";
        secondForm["Input.Title"] = "Tiêu đề của người thứ hai";
        secondForm["Input.Intent"] = "publish";
        var secondSave = await EditorForms.PostAsync(second, EditorForms.EditUrl(id), secondForm);

        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var page = await Html.ParseAsync(secondSave);
        var message = page.Text("[data-test=conflict-message]");
        Assert.Contains(firstEmail, message, StringComparison.Ordinal);
        Assert.Contains("đã lưu bản tin này lúc", message, StringComparison.Ordinal);
        Assert.Contains("chưa được lưu", message, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất.", page.Text("[data-test=conflict-theirs-body]"));
        Assert.Equal("<p>Bản của người thứ hai, gõ rất lâu.</p>", page.QuerySelector("textarea[data-test=body]")!.TextContent.Trim());
        Assert.Equal("Tiêu đề của người thứ hai", page.QuerySelector("input[data-test=title]")!.GetAttribute("value"));

        var stored = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("<p>Bản của người thứ nhất.</p>\n", stored.BodyHtml);
        Assert.Equal("Bản tin hai người cùng sửa", stored.Title);
        Assert.Equal(stored.Version.ToString(), page.QuerySelector("[data-test=version]")!.GetAttribute("value"));
        Assert.Equal(1, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));

        // Saving again from the conflict page builds on the other person's version, which stays in the history.
        var retry = await EditorForms.PostAsync(second, EditorForms.EditUrl(id), EditorForms.FieldsOf(page).Concat([new("Input.Intent", "publish")]).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var bodies = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.BodyHtml).ToListAsync());
        Assert.Equal(["<p>Bản gốc.</p>\n", "<p>Bản của người thứ nhất.</p>\n"], bodies);
        var final = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("<p>Bản của người thứ hai, gõ rất lâu.</p>\n", final.BodyHtml);
        Assert.Equal("Tiêu đề của người thứ hai", final.Title);
    }

    [Fact]
    public async Task Save_AfterSomeoneMovedItToTheTrash_Is409AndKeepsTheText()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var deleterEmail = $"nguoi-xoa-{Guid.NewGuid():N}@quan5.local";
        var deleter = await app.SignInAsync(StaffRoles.Editor, deleterEmail);
        var id = await EditorForms.CreateAsync(editor, "Bản tin bị xóa khi đang sửa");
        var form = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        await deleter.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);

        form["Input.Body"] = "<p>Đoạn tôi vừa viết thêm.</p>";
        form["Input.Intent"] = "publish";
        var response = await EditorForms.PostAsync(editor, EditorForms.EditUrl(id), form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("thùng rác", page.Text("[data-test=conflict-message]"), StringComparison.Ordinal);
        Assert.Contains(deleterEmail, page.Text("[data-test=conflict-message]"), StringComparison.Ordinal);
        Assert.Contains("Đoạn tôi vừa viết thêm.", page.QuerySelector("textarea[data-test=body]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithoutVersion_IsRefused()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin thiếu phiên bản");
        var form = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        form.Remove("Input.Version");
        form["Input.Title"] = "Không được lưu";

        var response = await EditorForms.PostAsync(editor, EditorForms.EditUrl(id), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bản tin thiếu phiên bản", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    public sealed class OnSqlite(EditorAppFactory app) : ConcurrencyTests(app), IClassFixture<EditorAppFactory>;

    public sealed class OnPostgreSql(EditorAppFactory.OnPostgreSql app) : ConcurrencyTests(app), IClassFixture<EditorAppFactory.OnPostgreSql>;
}
