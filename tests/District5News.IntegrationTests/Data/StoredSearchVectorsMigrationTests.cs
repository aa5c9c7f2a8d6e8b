using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The stored search vectors of the migration StoredSearchVectors (PostgreSQL): the four generated columns are filled
/// for the bulletins saved before the upgrade, the GIN indexes keep their names but index the stored columns, and the
/// vectors follow later writes of the search texts.
/// </summary>
public sealed class StoredSearchVectorsMigrationTests
{
    [Fact]
    public async Task Upgrade_FillsTheVectorsOfExistingBulletins_AndIndexesThem()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        await using var db = new PostgreSqlNewsDbContext(new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql(database.ConnectionString).Options);
        var migrations = db.Database.GetMigrations().ToList();
        var target = migrations.Single(m => m.EndsWith("_StoredSearchVectors", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(target) - 1]);
        Assert.Empty(await VectorColumnsAsync(db));

        await InsertAsync(db, 1, "Lễ hội đèn lồng phường Chợ Lớn", "le hoi den long phuong cho lon", "lễ hội đèn lồng phường chợ lớn");
        await InsertAsync(db, 2, "Tiêm chủng mở rộng", "tiem chung mo rong", "tiêm chủng mở rộng");

        await db.Database.MigrateAsync();

        Assert.Equal(["SearchBodyMarkedVector", "SearchBodyVector", "SearchTitleMarkedVector", "SearchTitleVector"], await VectorColumnsAsync(db));
        var indexes = await db.Database.SqlQuery<string>($"""
            SELECT indexname || ': ' || indexdef AS "Value" FROM pg_indexes WHERE tablename = 'Articles' AND indexname LIKE 'IX_Articles_SearchTitle%' OR indexname = 'IX_Articles_SearchDocument' ORDER BY indexname
            """).ToListAsync();
        Assert.Collection(
            indexes,
            i => Assert.Contains("""IX_Articles_SearchDocument: CREATE INDEX "IX_Articles_SearchDocument" ON public."Articles" USING gin ((("SearchTitleVector" || "SearchBodyVector")))""", i, StringComparison.Ordinal),
            i => Assert.EndsWith("""USING gin ("SearchTitleVector")""", i, StringComparison.Ordinal),
            i => Assert.EndsWith("""USING gin ("SearchTitleMarkedVector")""", i, StringComparison.Ordinal));

        // The bulletins saved before the upgrade have their vectors, title and body apart.
        Assert.Equal([1], await MatchesAsync(db, "SearchTitleVector", "phraseto_tsquery('simple', 'cho lon')"));
        Assert.Equal([1], await MatchesAsync(db, "SearchTitleMarkedVector", "phraseto_tsquery('simple', 'chợ lớn')"));
        Assert.Equal([2], await MatchesAsync(db, "SearchTitleVector", "plainto_tsquery('simple', 'tiem rong')"));
        Assert.Equal([1, 2], await MatchesAsync(db, "SearchBodyVector", "phraseto_tsquery('simple', 'noi dung')"));
        Assert.Equal([1, 2], await MatchesAsync(db, "SearchBodyMarkedVector", "phraseto_tsquery('simple', 'nội dung')"));
        Assert.Empty(await MatchesAsync(db, "SearchTitleVector", "plainto_tsquery('simple', 'noi')"));

        // Every word somewhere: title and body together, through the document index's expression.
        Assert.Equal([2], await MatchesAsync(db, """("SearchTitleVector" || "SearchBodyVector")""", "plainto_tsquery('simple', 'tiem noi')"));

        // A later write of a search text (the tone-mark fill updates the marked title alone) moves its vector with it.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "SearchTitleMarked" = 'tiêm chủng mùa thu' WHERE "Id" = 2""");
        Assert.Equal([2], await MatchesAsync(db, "SearchTitleMarkedVector", "phraseto_tsquery('simple', 'mùa thu')"));
        Assert.Empty(await MatchesAsync(db, "SearchTitleMarkedVector", "phraseto_tsquery('simple', 'mở rộng')"));
    }

    private static Task<List<string>> VectorColumnsAsync(NewsDbContext db) =>
        db.Database.SqlQuery<string>($"""
            SELECT column_name AS "Value" FROM information_schema.columns
            WHERE table_name = 'Articles' AND data_type = 'tsvector' AND is_generated = 'ALWAYS' ORDER BY column_name
            """).ToListAsync();

    // Column and query are constants of this test.
    private static Task<List<int>> MatchesAsync(NewsDbContext db, string vector, string tsquery)
    {
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"Articles\" WHERE " + (vector.StartsWith('(') ? vector : "\"" + vector + "\"") + " @@ " + tsquery + " ORDER BY \"Id\"";
        return db.Database.SqlQueryRaw<int>(sql).ToListAsync();
    }

    private static Task<int> InsertAsync(NewsDbContext db, int id, string title, string folded, string marked)
    {
        var at = new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Articles" ("Id", "CategoryId", "Title", "Slug", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc",
                "ImportedViews", "Views", "SearchTitle", "SearchBody", "SearchTitleMarked", "SearchBodyMarked", "Version", "ByNewsroom")
            OVERRIDING SYSTEM VALUE
            VALUES ({id}, 1, {title}, {"tin-" + id}, 'Tóm tắt.', '<p>Nội dung.</p>', {(int)ArticleStatus.Published}, {at}, {at}, {at},
                0, 0, {folded}, 'tom tat noi dung', {marked}, 'tóm tắt nội dung', {Guid.NewGuid()}, FALSE)
            """);
    }
}
