using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.UnitTests.Editing;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// A body written around the application (raw SQL, an old row, a restored backup) reaches no reader and no
/// administrator as script: every view shows it through the sanitizer, restoring it sanitizes it, and the start-up
/// that applies ResanitizeStoredHtml repairs what is stored.
/// </summary>
public sealed class XssStoredBodyTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    /// <summary>What the pre-issue-9 portal stored for the payload (U+0338 composed into ≯ after sanitizing), plus plain script.</summary>
    private const string Poison = "<p><b\u226F tabindex=1 autofocus onfocus=alert(document.domain) x</b></p>\n"
        + "<script>alert(1)</script><p><img src=x onerror=alert(2)>Đoạn cuối.</p>";

    [Fact]
    public async Task RevisionView_RevisionBodyWrittenBySql_IsShownWithoutScript()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin có phiên bản bị sửa tay", body: "<p>Bản đầu.</p>");
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Body"] = "<p>Bản sau.</p>" }, "publish");
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "ArticleRevisions" SET "BodyHtml" = {Poison} WHERE "Id" = {revisionId}"""));
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var (response, page) = await Html.GetAsync(admin, EditorUrls.Revision(id, revisionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertShownWithoutScript(page, "[data-test=revision-body]");
    }

    [Fact]
    public async Task RestoreRevision_RevisionBodyWrittenBySql_StoresASanitizedBody()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin khôi phục phiên bản bị sửa tay", body: "<p>Bản đầu.</p>");
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Body"] = "<p>Bản sau.</p>" }, "publish");
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "ArticleRevisions" SET "BodyHtml" = {Poison} WHERE "Id" = {revisionId}"""));

        var response = await editor.PostFormAsync(EditorUrls.Revision(id, revisionId), EditorUrls.RestoreRevision(id, revisionId), []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
        Assert.Contains("Đoạn cuối.", stored, StringComparison.Ordinal);
        Assert.Empty(NormalizationHazards.Problems(stored));
        Assert.DoesNotContain("alert", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictView_CurrentBodyWrittenBySql_IsShownWithoutScript()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin xung đột với bản bị sửa tay", body: "<p>Bản đầu.</p>");
        var staleForm = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Body"] = "<p>Bản của người khác.</p>" }, "publish");
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Articles" SET "BodyHtml" = {Poison} WHERE "Id" = {id}"""));

        staleForm["Input.Body"] = "<p>Bản của tôi.</p>";
        staleForm["Input.Intent"] = "publish";
        var response = await EditorForms.PostAsync(editor, EditorForms.EditUrl(id), staleForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        AssertShownWithoutScript(await Html.ParseAsync(response), "[data-test=conflict-theirs-body]");
    }

    [Fact]
    public async Task PublicPage_BodyWrittenBySql_IsShownWithoutScript()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin công khai bị sửa tay", body: "<p>Bản đầu.</p>");
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Articles" SET "BodyHtml" = {Poison} WHERE "Id" = {id}"""));

        var response = await EditorForms.GetPublicAsync(app.CreateBrowser(), id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertShownWithoutScript(await Html.ParseAsync(response), "[data-test=body]");
    }

    [Fact]
    public async Task StartUp_DatabaseFromBeforeTheFix_PoisonedBodiesComeOutClean()
    {
        using var upgraded = new NewsAppFactory();
        var (articleId, revisionId) = await CreatePreFixDatabaseAsync(upgraded.DatabasePath);

        // The first request starts the host: migrations, then the one-time pass over stored bodies.
        var response = await EditorForms.GetPublicAsync(upgraded.CreateBrowser(), articleId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (article, revision) = await upgraded.WithDbAsync(async db => (
            await db.Articles.Where(a => a.Id == articleId).Select(a => a.BodyHtml).SingleAsync(),
            await db.ArticleRevisions.Where(r => r.Id == revisionId).Select(r => r.BodyHtml).SingleAsync()));
        foreach (var body in new[] { article, revision })
        {
            Assert.Empty(NormalizationHazards.Problems(body));
            Assert.DoesNotContain("alert", body, StringComparison.Ordinal);
            Assert.Contains("Đoạn cuối.", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StartUp_AlreadyUpgradedDatabase_LeavesStoredBodiesAlone()
    {
        // The pass runs once: a body written after it (here by SQL, shown safely by the views) is not rewritten at every start.
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin sau khi nâng cấp", body: "<p>Bản đầu.</p>");
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Articles" SET "BodyHtml" = {Poison} WHERE "Id" = {id}"""));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(Poison, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
    }

    /// <summary>A database as the portal left it before issue 9: migrated up to the migration before the repair, with a poisoned body and revision.</summary>
    private static async Task<(int ArticleId, int RevisionId)> CreatePreFixDatabaseAsync(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new SqliteNewsDbContext(options);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.IndexOf(StoredHtmlResanitizer.MigrationId) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);

        // Rows written in SQL for that schema: the current model has columns (issue 13's byline) that database does not have yet.
        var published = (int)ArticleStatus.Published;
        var at = new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc);
        const string title = "Bản tin lưu trước khi sửa lỗi";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Articles" ("CategoryId", "Title", "Slug", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc",
                "ImportedViews", "Views", "SearchTitle", "SearchBody", "Version", "PublishTimeChosen")
            VALUES (1, {title}, 'ban-tin-luu-truoc-khi-sua-loi', 'Tóm tắt.', {Poison}, {published}, {at}, {at}, {at},
                0, 0, 'ban tin luu truoc khi sua loi', 'tom tat', {Guid.NewGuid()}, 1)
            """);
        var articleId = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Articles" WHERE "Title" = {title}""").SingleAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleRevisions" ("ArticleId", "CategoryId", "Title", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "SavedAtUtc", "SavedBy")
            VALUES ({articleId}, 1, {title}, 'Tóm tắt.', {Poison}, {published}, {at}, {at}, 'Ban biên tập')
            """);
        var revisionId = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "ArticleRevisions" WHERE "ArticleId" = {articleId}""").SingleAsync();
        return (articleId, revisionId);
    }

    private static void AssertShownWithoutScript(IDocument page, string bodySelector)
    {
        var body = page.QuerySelector(bodySelector);
        Assert.NotNull(body);
        Assert.Contains("Đoạn cuối.", body.TextContent, StringComparison.Ordinal);
        Assert.Empty(NormalizationHazards.ProblemsIn(body));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name is "onfocus" or "onerror"));
    }
}
