using System.Text.RegularExpressions;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// TIN MỚI HƠN and TIN ĐÃ ĐƯA under an article are the bulletins of its category nearest to it in publication order.
/// The database must start reading at the bulletin, not at one end of the category: on PostgreSQL at 100,000 bulletins
/// reading from the end filtered about half a category per list, 190 ms of an article page (docs/benchmarks-postgresql.md).
/// SQLite's planner already drew the range out of the keyset condition; PostgreSQL needs the bound said on its own.
/// </summary>
public sealed partial class NearestInCategoryPlanTests
{
    private const int SeriesLength = 300;

    [Fact]
    public async Task PostgreSql_NewerAndOlder_ReadOnlyTheBulletinsNextToTheArticle()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        var options = new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new PostgreSqlNewsDbContext(options);
        await db.Database.MigrateAsync();
        var middle = await AddSeriesAsync(db);
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"Articles\"");

        foreach (var (name, query) in Queries(db, middle))
        {
            var plan = await QueryPlans.ExplainAsync(db, query, "EXPLAIN (ANALYZE, COSTS OFF)");

            // From the article, a list of 5 or 11 reads about that many index entries; from an end, about 150 more.
            var removed = plan.Sum(line => RowsRemoved().Match(line) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
            Assert.True(removed < 20, $"{name} filtered {removed} rows:{Environment.NewLine}{string.Join(Environment.NewLine, plan)}");
        }
    }

    /// <summary>A category of <see cref="SeriesLength"/> bulletins an hour apart; returns the one in the middle.</summary>
    private static async Task<Article> AddSeriesAsync(NewsDbContext db)
    {
        var series = await TestArticles.AddSeriesAsync(db, SeriesLength, new DateTime(2025, 1, 1, 8, 0, 0), TestArticles.WardNews, "Tin phường");
        return series[SeriesLength / 2];
    }

    private static (string Name, IQueryable<Article> Query)[] Queries(NewsDbContext db, Article middle)
    {
        var visible = db.Articles.AsNoTracking().Where(ArticleVisibility.VisibleAt(DateTime.UtcNow));
        return
        [
            ("TIN MỚI HƠN", ArticleQueries.NewerInCategory(visible, middle.CategoryId, middle.PublishedAtUtc!.Value, middle.Id)),
            ("TIN ĐÃ ĐƯA", ArticleQueries.OlderInCategory(visible, middle.CategoryId, middle.PublishedAtUtc!.Value, middle.Id)),
        ];
    }

    [GeneratedRegex(@"Rows Removed by Filter: (\d+)")]
    private static partial Regex RowsRemoved();
}
