using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>"Xem trước": the typed bulletin as residents would see it, for staff only, never saved, cached, counted or indexed.</summary>
public sealed class PreviewTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    private const string PreviewUrl = "/admin/bai-viet/xem-truoc";

    [Fact]
    public async Task Preview_NewBulletin_ShowsTypedTextSanitizedInThePublicLayout_NothingSavedOrCounted_NoStoreAndNoIndex()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var fields = await EditorForms.ReadFormAsync(editor, EditorForms.CreateUrl);
        foreach (var (name, value) in EditorForms.Fields(
            "Thông báo lịch tiêm chủng <b>tháng 12</b>",
            "<p>Đoạn một của bản xem trước.</p><script>alert(1)</script><p onclick=\"steal()\">Đoạn <a href=\"javascript:alert(1)\">hai</a>.</p>",
            categoryId: TestArticles.Announcements,
            lead: "Tóm tắt gõ trong biểu mẫu."))
        {
            fields[name] = value;
        }

        var articles = await app.WithDbAsync(db => db.Articles.CountAsync());
        var revisions = await app.WithDbAsync(db => db.ArticleRevisions.CountAsync());
        var counted = app.Services.GetRequiredService<VisitCounter>().Unwritten();

        var response = await EditorForms.PostAsync(editor, PreviewUrl, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CountingCookies.Visit + "=", StringComparison.Ordinal)));
        var page = await Html.ParseAsync(response);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.StartsWith("Bản xem trước — chưa đăng", page.Text("[data-test=preview-banner]"), StringComparison.Ordinal);

        // The public layout (its header and footer), not the back office's.
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.Null(page.QuerySelector("link[href*='admin.css']"));
        Assert.Equal("Thông báo lịch tiêm chủng <b>tháng 12</b>", page.Text("[data-test=article] [data-test=title]"));
        Assert.Equal("Thông báo", page.Text("[data-test=article] [data-test=category]"));
        Assert.Equal("Tóm tắt gõ trong biểu mẫu.", page.Text("[data-test=article] [data-test=lead]"));
        Assert.Equal(VietnameseFormat.LongDateTime(app.Clock.GetUtcNow().UtcDateTime), page.Text("[data-test=article] [data-test=published]"));
        var body = page.QuerySelector("[data-test=article] [data-test=body]")!;
        Assert.Contains("Đoạn một của bản xem trước.", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đoạn hai.", body.TextContent, StringComparison.Ordinal);
        Assert.Null(body.QuerySelector("script"));
        Assert.DoesNotContain("onclick", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("script:not([src])"));

        Assert.Equal(articles, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(revisions, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync()));
        Assert.Equal(counted, app.Services.GetRequiredService<VisitCounter>().Unwritten());
    }

    [Fact]
    public async Task Preview_ChangeToPublishedBulletin_ShowsTheChangeAndTheChosenTime_WhileResidentsStillSeeTheSavedText()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin đã đăng, chưa sửa", body: "<p>Nội dung đã đăng.</p>");
        var fields = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        fields["Input.Title"] = "Bản tin đã đăng, đang sửa";
        fields["Input.Body"] = "<p>Nội dung đang sửa.</p>";
        fields["Input.PublishDate"] = "23/12/2026";
        fields["Input.PublishTime"] = "08:15";

        var response = await EditorForms.PostAsync(editor, $"/admin/bai-viet/{id}/xem-truoc", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Bản tin đã đăng, đang sửa", page.Text("[data-test=article] [data-test=title]"));
        Assert.Equal("Nội dung đang sửa.", page.Text("[data-test=article] [data-test=body]"));
        Assert.Equal(VietnameseFormat.LongDateTime(new DateTime(2026, 12, 23, 1, 15, 0, DateTimeKind.Utc)), page.Text("[data-test=article] [data-test=published]"));

        var saved = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Bản tin đã đăng, chưa sửa", saved.Title);
        Assert.Equal(ArticleStatus.Published, saved.Status);
        var publicPage = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        Assert.Equal("Bản tin đã đăng, chưa sửa", publicPage.Text("[data-test=article] [data-test=title]"));
    }

    [Fact]
    public async Task Form_HasAPreviewButtonPostingTheSameFormToThePreviewAddress()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin có nút xem trước", intent: "draft");

        var (_, create) = await Html.GetAsync(editor, EditorForms.CreateUrl);
        var (_, edit) = await Html.GetAsync(editor, EditorForms.EditUrl(id));

        var button = create.QuerySelector("[data-test=article-form] button[type=submit][data-test=preview]")!;
        Assert.Equal("Xem trước", button.TextContent.Trim());
        Assert.Equal(PreviewUrl, button.GetAttribute("formaction"));
        Assert.Equal($"/admin/bai-viet/{id}/xem-truoc", edit.QuerySelector("[data-test=preview]")!.GetAttribute("formaction"));
    }

    [Fact]
    public async Task Preview_Anonymous_IsSentToSignIn()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Xem trộm" });

        var response = await app.CreateBrowser().PostAsync(new Uri(PreviewUrl, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/dang-nhap", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
