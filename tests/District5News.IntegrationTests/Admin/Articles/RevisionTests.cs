using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

public abstract class RevisionTests(EditorAppFactory app)
{
    [Fact]
    public async Task History_ListsEverySavedVersionNewestFirst()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Phiên bản một");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Phiên bản hai" }, "publish");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Phiên bản ba" }, "publish");

        var (response, page) = await Html.GetAsync(editor, $"/admin/bai-viet/{id}/lich-su");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Phiên bản ba", page.Text("[data-test=current-version]"), StringComparison.Ordinal);
        Assert.Equal(["Phiên bản hai", "Phiên bản một"], page.QuerySelectorAll("[data-test=revision-row] td:first-child").Select(c => c.TextContent.Trim()).ToArray());
    }

    [Fact]
    public async Task RestoreRevision_BringsBackTheOldTextAndKeepsTheCurrentOneAsARevision()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Tiêu đề ban đầu", body: "<p>Nội dung ban đầu.</p>");
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id),
            new() { ["Input.Title"] = "Tiêu đề sửa nhầm", ["Input.Body"] = "<p>Nội dung sửa nhầm.</p>" }, "publish");
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).SingleAsync());
        var versionBefore = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var (_, preview) = await Html.GetAsync(editor, $"/admin/bai-viet/{id}/lich-su/{revisionId}");
        Assert.Equal("Tiêu đề ban đầu", preview.Text("[data-test=revision-title]"));
        var response = await editor.PostFormAsync($"/admin/bai-viet/{id}/lich-su/{revisionId}", $"/admin/bai-viet/{id}/lich-su/{revisionId}/khoi-phuc", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Tiêu đề ban đầu", article.Title);
        Assert.Equal("<p>Nội dung ban đầu.</p>\n", article.BodyHtml);
        Assert.Equal("tieu-de-ban-dau", article.Slug);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.NotEqual(versionBefore, article.Version);
        var titles = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Title).ToListAsync());
        Assert.Equal(["Tiêu đề ban đầu", "Tiêu đề sửa nhầm"], titles);
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        Assert.Equal("Tiêu đề ban đầu", page.Text("[data-test=title]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ArticleRevisionRestored && e.TargetId == id.ToString())));
    }

    [Fact]
    public async Task RestoreRevision_OfAnotherBulletin_Is404()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var one = await EditorForms.CreateAsync(editor, "Bản tin một có lịch sử");
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(one), new() { ["Input.Title"] = "Bản tin một đã sửa" }, "publish");
        var other = await EditorForms.CreateAsync(editor, "Bản tin hai");
        var revisionOfOne = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == one).Select(r => r.Id).SingleAsync());

        var response = await editor.PostFormAsync(EditorForms.EditUrl(other), $"/admin/bai-viet/{other}/lich-su/{revisionOfOne}/khoi-phuc", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Bản tin hai", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == other).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task EditForm_AfterRestore_CarriesTheNewVersionSoAnOpenOldFormConflicts()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin khôi phục và xung đột");
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Bản tin khôi phục và xung đột (2)" }, "publish");
        var staleForm = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).SingleAsync());
        await editor.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/lich-su/{revisionId}/khoi-phuc", []);

        staleForm["Input.Title"] = "Sửa trên bản cũ";
        staleForm["Input.Intent"] = "publish";
        var response = await EditorForms.PostAsync(editor, EditorForms.EditUrl(id), staleForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    public sealed class OnSqlite(EditorAppFactory app) : RevisionTests(app), IClassFixture<EditorAppFactory>;

    public sealed class OnPostgreSql(EditorAppFactory.OnPostgreSql app) : RevisionTests(app), IClassFixture<EditorAppFactory.OnPostgreSql>;
}
