using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

public abstract class TrashTests(EditorAppFactory app)
{
    [Fact]
    public async Task Delete_HidesFromPublicAndList_RestoreBringsItBack()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var title = $"Bản tin vào thùng rác {Guid.NewGuid():N}";
        var id = await EditorForms.CreateAsync(editor, title, categoryId: TestArticles.WardNews);
        var reader = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await EditorForms.GetPublicAsync(reader, id)).StatusCode);
        var (_, categoryBefore) = await Html.GetAsync(reader, "/chuyen-muc/tin-phuong");
        Assert.Contains(title, categoryBefore.Body!.TextContent, StringComparison.Ordinal);
        var (_, listBefore) = await Html.GetAsync(editor, "/admin/bai-viet");
        Assert.NotNull(listBefore.QuerySelector($"[data-test=article-row][data-id='{id}']"));

        var delete = await editor.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(reader, id)).StatusCode);
        var (_, category) = await Html.GetAsync(reader, "/chuyen-muc/tin-phuong");
        Assert.DoesNotContain(title, category.Body!.TextContent, StringComparison.Ordinal);
        var (_, list) = await Html.GetAsync(editor, "/admin/bai-viet");
        Assert.Null(list.QuerySelector($"[data-test=article-row][data-id='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await Html.GetAsync(editor, EditorForms.EditUrl(id))).Response.StatusCode);
        var (_, trash) = await Html.GetAsync(admin, "/admin/bai-viet/thung-rac");
        Assert.NotNull(trash.QuerySelector($"[data-test=trash-row][data-id='{id}']"));

        var restore = await admin.PostFormAsync("/admin/bai-viet/thung-rac", $"/admin/bai-viet/thung-rac/{id}/khoi-phuc", []);

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var page = await EditorForms.GetPublicAsync(reader, id);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(title, (await Html.ParseAsync(page)).Text("[data-test=title]"));
        var (_, categoryAfter) = await Html.GetAsync(reader, "/chuyen-muc/tin-phuong");
        Assert.Contains(title, categoryAfter.Body!.TextContent, StringComparison.Ordinal);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.ArticleCreated, AuditActions.ArticlePublished, AuditActions.ArticleDeleted, AuditActions.ArticleRestored], actions);
    }

    [Fact]
    public async Task Purge_DeletesForGoodWithRevisions()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var id = await EditorForms.CreateAsync(admin, "Bản tin xóa hẳn");
        await EditorForms.SubmitAsync(admin, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Bản tin xóa hẳn (sửa)" }, "publish");
        await admin.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);

        var response = await admin.PostFormAsync("/admin/bai-viet/thung-rac", $"/admin/bai-viet/thung-rac/{id}/xoa-han", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.ArticleRevisions.AnyAsync(r => r.ArticleId == id)));
        var purged = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ArticlePurged && e.TargetId == id.ToString()));
        Assert.Equal("Bản tin xóa hẳn (sửa)", purged.Details);
    }

    [Fact]
    public async Task Purge_ArticleNotInTrash_Is404AndKeepsIt()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var id = await EditorForms.CreateAsync(admin, "Bản tin không ở thùng rác");

        var response = await admin.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/thung-rac/{id}/xoa-han", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task EmptyTrash_DeletesEveryTrashedBulletinOnly()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var kept = await EditorForms.CreateAsync(admin, "Bản tin được giữ");
        var one = await EditorForms.CreateAsync(admin, "Rác một");
        var two = await EditorForms.CreateAsync(admin, "Rác hai");
        await admin.PostFormAsync(EditorForms.EditUrl(one), $"/admin/bai-viet/{one}/xoa", []);
        await admin.PostFormAsync(EditorForms.EditUrl(two), $"/admin/bai-viet/{two}/xoa", []);

        var response = await admin.PostFormAsync("/admin/bai-viet/thung-rac", "/admin/bai-viet/thung-rac/don-sach", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.DeletedAtUtc != null)));
        Assert.True(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == kept)));
        var purged = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ArticlePurged).Select(e => e.TargetId).ToListAsync());
        Assert.Contains(one.ToString(), purged);
        Assert.Contains(two.ToString(), purged);
        var (_, trash) = await Html.GetAsync(admin, "/admin/bai-viet/thung-rac");
        Assert.NotNull(trash.QuerySelector("[data-test=empty]"));
    }

    public sealed class OnSqlite(EditorAppFactory app) : TrashTests(app), IClassFixture<EditorAppFactory>;

    public sealed class OnPostgreSql(EditorAppFactory.OnPostgreSql app) : TrashTests(app), IClassFixture<EditorAppFactory.OnPostgreSql>;
}
