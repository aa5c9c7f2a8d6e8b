using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// TIN LIÊN QUAN reads the folded titles of the newest visible bulletins. The migration RelatedArticlesIndex gives that
/// read an index holding every column it needs, so on SQLite it never walks the long rows' overflow pages (issue 15).
/// </summary>
public sealed class RelatedArticlesIndexTests
{
    [Fact]
    public async Task Sqlite_RelatedCandidates_AreReadFromTheCoveringIndexAlone()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        var options = new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite(database.ConnectionString).Options;
        await using var db = new SqliteNewsDbContext(options);
        await db.Database.MigrateAsync();

        var visible = db.Articles.AsNoTracking().Where(ArticleVisibility.VisibleAt(DateTime.UtcNow));
        var query = RelatedArticles.Candidates(visible, [1, 2, 3], ["xuat", "huyet"]);
        var plan = await QueryPlans.ExplainAsync(db, query, "EXPLAIN QUERY PLAN");

        Assert.True(plan.Exists(step => step.Contains("USING COVERING INDEX IX_Articles_Related", StringComparison.Ordinal)),
            string.Join(Environment.NewLine, plan) + Environment.NewLine + query.ToQueryString());
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN Articles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sqlite_RelatedCandidates_HaveOneShape_WhateverTheTitleAndTheBulletinsListed()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        var options = new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite(database.ConnectionString).Options;
        await using var db = new SqliteNewsDbContext(options);
        var visible = db.Articles.AsNoTracking().Where(ArticleVisibility.VisibleAt(DateTime.UtcNow));

        // One SQL text (so one translation, one prepared statement) for a short and a long title, few and many listed.
        await using var shortTitle = RelatedArticles.Candidates(visible, [7], ["xuat"]).CreateDbCommand();
        await using var longTitle = RelatedArticles.Candidates(visible, [.. Enumerable.Range(1, 16)],
            ["le", "hoi", "van", "hoa", "am", "thuc", "duong", "pho", "hai", "thuong", "lan", "ong"]).CreateDbCommand();

        Assert.Equal(shortTitle.CommandText, longTitle.CommandText);
        Assert.Equal(shortTitle.Parameters.Count, longTitle.Parameters.Count);
    }

    [Fact]
    public async Task PostgreSql_RelatedCandidates_ComeNewestFirstFromThePartialIndex_WithoutASort()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        var options = new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new PostgreSqlNewsDbContext(options);
        await db.Database.MigrateAsync();

        var visible = db.Articles.AsNoTracking().Where(ArticleVisibility.VisibleAt(DateTime.UtcNow));
        await db.Database.OpenConnectionAsync();
        await using (var off = db.Database.GetDbConnection().CreateCommand())
        {
            // An empty table would be read whole; the question is which index gives the order.
            off.CommandText = "SET enable_seqscan = off; SET enable_bitmapscan = off;";
            await off.ExecuteNonQueryAsync();
        }

        var plan = await QueryPlans.ExplainAsync(db, RelatedArticles.Candidates(visible, [1, 2, 3], ["xuat", "huyet"]), "EXPLAIN");

        var text = string.Join(Environment.NewLine, plan);
        Assert.Contains("IX_Articles_Related_Published", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSql_MigrationsCreateTheRelatedArticlesIndex()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        var options = new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new PostgreSqlNewsDbContext(options);

        await db.Database.MigrateAsync();

        var definition = await db.Database.SqlQuery<string>(
            $"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'Articles' AND indexname = 'IX_Articles_Related'").SingleAsync();
        Assert.Contains("(\"Status\", \"DeletedAtUtc\", \"PublishedAtUtc\", \"Id\", \"CategoryId\", \"SearchTitle\")", definition, StringComparison.Ordinal);
    }
}
