using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// Upgrading a portal whose bulletins were saved before search knew tone marks: the first start fills their marked
/// columns (SearchTextBackfill), so a query with marks ranks them as it ranks new ones, and the rebuilt FTS5 index
/// stays consistent with the table.
/// </summary>
public sealed class SearchWithToneMarksMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"d5news-marks-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task FirstStartAfterUpgrade_FillsMarkedText_SoMarksRankOldBulletins()
    {
        await using (var db = new SqliteNewsDbContext(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite($"Data Source={_path}").Options))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var target = migrations.Single(m => m.EndsWith("_SearchWithToneMarks", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(target) - 1]);

            // Both hold "cho lon" as a phrase once folded; only the older one has the marks a resident types.
            await InsertAsync(db, "Lễ hội đèn lồng phường Chợ Lớn", new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc));
            await InsertAsync(db, "Chăm sóc chó lớn tuổi", new DateTime(2026, 10, 2, 1, 0, 0, DateTimeKind.Utc));
        }

        SqliteConnection.ClearAllPools();
        await using var app = new UpgradedSite(_path);
        var (_, marked) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString("Chợ Lớn"));
        var (_, folded) = await app.GetAsReaderAsync("/tim-kiem?q=cho+lon");

        Assert.Equal(["Lễ hội đèn lồng phường Chợ Lớn", "Chăm sóc chó lớn tuổi"], marked.Texts("[data-test=search-result] .article-link"));
        Assert.Equal(["Chăm sóc chó lớn tuổi", "Lễ hội đèn lồng phường Chợ Lớn"], folded.Texts("[data-test=search-result] .article-link"));
        var stored = await app.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.SearchTitleMarked).ToListAsync());
        Assert.Equal(["lễ hội đèn lồng phường chợ lớn", "chăm sóc chó lớn tuổi"], stored);

        // FTS5's own check: the index holds exactly what the table's four columns say.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES ('integrity-check', 1);"""));
    }

    [Fact]
    public async Task StartStoppedDuringTheFill_NextStartFinishesIt_AndLeavesTheFilledOnesAlone()
    {
        await using (var db = new SqliteNewsDbContext(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite($"Data Source={_path}").Options))
        {
            // The migration is applied (nothing pending); the fill stopped after the first bulletin. The second is the
            // older one, so only its filled marks can put it first for "chó lớn".
            await db.Database.MigrateAsync();
            await InsertAsync(db, "Lễ hội đèn lồng phường Chợ Lớn", new DateTime(2026, 10, 2, 1, 0, 0, DateTimeKind.Utc));
            await InsertAsync(db, "Chăm sóc chó lớn tuổi", new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc));
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "SearchTitleMarked" = 'đã điền trước', "SearchBodyMarked" = 'x' WHERE "Id" = 1""");
        }

        SqliteConnection.ClearAllPools();
        await using var app = new UpgradedSite(_path);
        var (_, marked) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString("chó lớn"));

        Assert.Equal(["Chăm sóc chó lớn tuổi", "Lễ hội đèn lồng phường Chợ Lớn"], marked.Texts("[data-test=search-result] .article-link"));
        var stored = await app.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.SearchTitleMarked).ToListAsync());
        Assert.Equal(["đã điền trước", "chăm sóc chó lớn tuổi"], stored);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES ('integrity-check', 1);"""));
    }

    private static Task<int> InsertAsync(NewsDbContext db, string title, DateTime at) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Articles" ("CategoryId", "Title", "Slug", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc",
                "ImportedViews", "Views", "SearchTitle", "SearchBody", "Version", "ByNewsroom")
            VALUES (1, {title}, 'tin', 'Tóm tắt.', '<p>Nội dung.</p>', {(int)ArticleStatus.Published}, {at}, {at}, {at},
                0, 0, {Web.Features.Vietnamese.VietnameseText.SearchForm(title)}, 'tom tat noi dung', {Guid.NewGuid()}, 0)
            """);

    private sealed class UpgradedSite(string path) : NewsAppFactory(path);
}
