using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The migration that lets a draft hold no publication time: a draft whose time was never chosen loses the save time
/// it carried, every other time is kept, and the search index still follows the bulletins afterwards (SQLite rebuilds
/// the Articles table for the nullable column, which drops the triggers that keep the index in step).
/// </summary>
public sealed class DraftsWithoutPublishTimeMigrationTests : IDisposable
{
    private const string Migration = "DraftsWithoutPublishTime";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"d5news-drafts-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task Upgrade_ClearsOnlyUnchosenDraftTimes_AndSearchStillFollowsTheBulletins()
    {
        await using var db = new SqliteNewsDbContext(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite($"Data Source={_path}").Options);
        var migrations = db.Database.GetMigrations().ToList();
        var target = migrations.Single(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(target) - 1]);

        var saved = new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc);
        var chosen = new DateTime(2026, 12, 24, 1, 0, 0, DateTimeKind.Utc);
        await InsertAsync(db, "Bản nháp chưa chọn giờ", (int)ArticleStatus.Draft, saved, timeChosen: false);
        await InsertAsync(db, "Bản nháp đã chọn giờ", (int)ArticleStatus.Draft, chosen, timeChosen: true);
        await InsertAsync(db, "Lễ hội đèn lồng phường Chợ Lớn", (int)ArticleStatus.Published, saved, timeChosen: true);

        await db.Database.MigrateAsync();

        var times = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => a.PublishedAtUtc).ToListAsync();
        Assert.Equal([null, chosen, saved], times);

        // The index answers for the rows that were there, and the triggers are back for new changes.
        Assert.Equal(1, await MatchesAsync(db, "long"));
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "SearchTitle" = 'le hoi hoa dang' WHERE "Title" = 'Lễ hội đèn lồng phường Chợ Lớn'""");
        Assert.Equal(0, await MatchesAsync(db, "long"));
        Assert.Equal(1, await MatchesAsync(db, "dang"));
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Articles" WHERE "Title" = 'Lễ hội đèn lồng phường Chợ Lớn'""");
        Assert.Equal(0, await MatchesAsync(db, "dang"));
        Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM pragma_integrity_check WHERE integrity_check <> 'ok'""").SingleAsync());
    }

    private static Task<int> InsertAsync(NewsDbContext db, string title, int status, DateTime at, bool timeChosen) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Articles" ("CategoryId", "Title", "Slug", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc",
                "ImportedViews", "Views", "SearchTitle", "SearchBody", "Version", "PublishTimeChosen", "ByNewsroom")
            VALUES (1, {title}, 'tin', 'Tóm tắt.', '<p>Nội dung.</p>', {status}, {at}, {at}, {at},
                0, 0, {Web.Features.Vietnamese.VietnameseText.SearchForm(title)}, 'tom tat noi dung', {Guid.NewGuid()}, {timeChosen}, 0)
            """);

    private static Task<int> MatchesAsync(NewsDbContext db, string word) =>
        db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {word}""").SingleAsync();
}
