using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Counting;

/// <summary>
/// A real SQLite file (or, when asked, a database of the run's PostgreSQL cluster) with the migrations applied and two
/// bulletins, without the web host: enough for the counting pieces that touch the database (<c>CountReader</c>,
/// <c>CountWriter</c>), built by hand as the app's container would.
/// </summary>
public sealed class CountingDatabase(bool onPostgreSql = false) : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"d5news-counting-{Guid.NewGuid():N}.db");
    private readonly string _pgDatabase = PostgreSqlCluster.NewDatabaseName();
    private ServiceProvider? _services;

    public IServiceScopeFactory Scopes => _services!.GetRequiredService<IServiceScopeFactory>();

    public int First { get; private set; }

    public int Second { get; private set; }

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        _services = (onPostgreSql
                ? services.AddDbContext<NewsDbContext, PostgreSqlNewsDbContext>(o => o.UseNpgsql(PostgreSqlCluster.Instance.ConnectionString(_pgDatabase)))
                : services.AddDbContext<NewsDbContext, SqliteNewsDbContext>(o => o.UseSqlite($"Data Source={_path}")))
            .BuildServiceProvider();
        await WithDbAsync(db => db.Database.MigrateAsync());
        First = (await WithDbAsync(db => TestArticles.AddAsync(db, "Quận 5 ra quân làm sạch kênh rạch", new DateTime(2026, 11, 18, 8, 0, 0), importedViews: 300))).Id;
        Second = (await WithDbAsync(db => TestArticles.AddAsync(db, "Phường Chợ Quán tổ chức hội thao", new DateTime(2026, 11, 18, 9, 0, 0)))).Id;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (onPostgreSql)
        {
            PostgreSqlCluster.Instance.DropDatabase(_pgDatabase);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    public async Task WithDbAsync(Func<NewsDbContext, Task> action)
    {
        await using var scope = Scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    private async Task RefuseAsync(string table, string statement)
    {
        var sql = onPostgreSql
            ? $"""
              CREATE OR REPLACE FUNCTION "RefusedByTheTest"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
              CREATE TRIGGER "Refuse{table}" BEFORE {statement} ON "{table}" FOR EACH ROW EXECUTE FUNCTION "RefusedByTheTest"();
              """
            : $"""CREATE TRIGGER "Refuse{table}" BEFORE {statement} ON "{table}" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END""";
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
    }

    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> action)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    /// <summary>Makes the database refuse inserts into <paramref name="table"/> (a trigger that aborts the statement).</summary>
    public Task RefuseInsertsIntoAsync(string table) => RefuseAsync(table, "INSERT");

    /// <summary>Makes the database refuse updates of <paramref name="table"/>.</summary>
    public Task RefuseUpdatesOfAsync(string table) => RefuseAsync(table, "UPDATE");

    public async Task AcceptAgainAsync(string table)
    {
        var sql = onPostgreSql ? $"""DROP TRIGGER "Refuse{table}" ON "{table}" """ : $"""DROP TRIGGER "Refuse{table}" """;
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
    }

    /// <summary>Every stored count, in one comparable value.</summary>
    public Task<StoredCounts> CountsAsync() => WithDbAsync(async db =>
    {
        var visits = await db.SiteCounters.AsNoTracking().Select(s => s.Visits).SingleAsync();
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.ImportedViews, a.Views }).ToListAsync();
        var days = await db.DailyStats.AsNoTracking().ToListAsync();
        var articleDays = await db.ArticleDailyViews.AsNoTracking().ToListAsync();
        return new StoredCounts(
            visits,
            string.Join(" ", articles.Select(a => $"{a.Id}:{a.ImportedViews}+{a.Views}")),
            string.Join(" ", days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd}:{d.Visits}/{d.PageViews}/{d.ArticleViews}")),
            string.Join(" ", articleDays.OrderBy(v => v.ArticleId).ThenBy(v => v.Date).Select(v => $"{v.ArticleId}@{v.Date:yyyy-MM-dd}:{v.Views}")));
    });
}

/// <summary>
/// The stored counts as text, so a whole-database comparison reads in a failure message: visits; each bulletin as
/// id:imported+counted; each day as date:visits/page views/bulletin views; each bulletin day as id@date:views.
/// </summary>
public sealed record StoredCounts(long Visits, string Articles, string Days, string ArticleDays);
