using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The titles-only FTS5 index of the migration TitleSearchIndex (SQLite): filled for the bulletins saved before the
/// upgrade, kept in step by its triggers afterwards, and consistent with the table by FTS5's own check.
/// </summary>
public sealed class TitleSearchIndexMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"d5news-titles-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task Upgrade_FillsTheTitleIndexForExistingBulletins_AndTriggersKeepItInStep()
    {
        await using var db = new SqliteNewsDbContext(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite($"Data Source={_path}").Options);
        var migrations = db.Database.GetMigrations().ToList();
        var target = migrations.Single(m => m.EndsWith("_TitleSearchIndex", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(target) - 1]);
        Assert.Empty(await TablesAsync(db));

        await InsertAsync(db, "Lễ hội đèn lồng phường Chợ Lớn", "le hoi den long phuong cho lon", "lễ hội đèn lồng phường chợ lớn");
        await InsertAsync(db, "Tiêm chủng mở rộng", "tiem chung mo rong", "tiêm chủng mở rộng");

        await db.Database.MigrateAsync();

        Assert.Equal(["ArticleTitleSearch"], await TablesAsync(db));
        await IntegrityCheckAsync(db);
        Assert.Equal([1], await TitleMatchesAsync(db, "\"cho lon\""));
        Assert.Equal([1], await TitleMatchesAsync(db, "SearchTitleMarked : (\"chợ lớn\")"));
        Assert.Equal([2], await TitleMatchesAsync(db, "SearchTitle : (\"tiem\" AND \"rong\")"));

        // The body's words are not in it: "noi dung" is in every body.
        Assert.Empty(await TitleMatchesAsync(db, "\"noi\""));

        // Insert, update (the tone-mark fill updates the marked title alone) and delete reach it through the triggers.
        await InsertAsync(db, "Chợ phiên cuối tuần", "cho phien cuoi tuan", "chợ phiên cuối tuần");
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "SearchTitleMarked" = 'tiêm chủng mùa thu' WHERE "Id" = 2""");
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Articles" WHERE "Id" = 1""");

        await IntegrityCheckAsync(db);
        Assert.Equal([3], await TitleMatchesAsync(db, "\"cho\""));
        Assert.Equal([2], await TitleMatchesAsync(db, "SearchTitleMarked : (\"mùa thu\")"));
        Assert.Empty(await TitleMatchesAsync(db, "SearchTitleMarked : (\"mở rộng\")"));
    }

    private static Task<List<string>> TablesAsync(NewsDbContext db) =>
        db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE name = 'ArticleTitleSearch'").ToListAsync();

    // FTS5's own check, rank 1 comparing the index with the table's title columns: it fails when a row is missing or left over.
    private static Task<int> IntegrityCheckAsync(NewsDbContext db) =>
        db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleTitleSearch"("ArticleTitleSearch", rank) VALUES ('integrity-check', 1);""");

    private static Task<List<int>> TitleMatchesAsync(NewsDbContext db, string match) =>
        db.Database.SqlQuery<int>($"""SELECT rowid AS Value FROM "ArticleTitleSearch" WHERE "ArticleTitleSearch" MATCH {match} ORDER BY rowid""").ToListAsync();

    private static Task<int> InsertAsync(NewsDbContext db, string title, string folded, string marked)
    {
        var at = new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Articles" ("CategoryId", "Title", "Slug", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc",
                "ImportedViews", "Views", "SearchTitle", "SearchBody", "SearchTitleMarked", "SearchBodyMarked", "Version", "ByNewsroom")
            VALUES (1, {title}, 'tin', 'Tóm tắt.', '<p>Nội dung.</p>', {(int)ArticleStatus.Published}, {at}, {at}, {at},
                0, 0, {folded}, 'tom tat noi dung', {marked}, 'tóm tắt nội dung', {Guid.NewGuid()}, 0)
            """);
    }
}
