using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary>The load balancer's probes, on SQLite and on PostgreSQL.</summary>
public abstract class HealthTests(DatabaseProvider provider)
{
    protected DatabaseProvider Provider => provider;

    [Fact]
    public async Task Probes_OnAMigratedDatabase_AnswerPlainTextNeverCachedNorCounted()
    {
        using var app = NewsAppFactory.On(provider);
        var browser = app.CreateBrowser();

        var alive = await browser.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await browser.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        await browser.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        await app.FlushCountsAsync();

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (alive.StatusCode, await alive.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "ready\n"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        Assert.All([alive, ready], r =>
        {
            Assert.Equal("text/plain", r.Content.Headers.ContentType?.MediaType);
            Assert.True(r.Headers.CacheControl?.NoStore);
        });

        // A browser's user agent, three requests: none of them is a visit or a page view.
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteCounters.Select(s => s.Visits).SingleAsync()));
        Assert.Empty(await app.WithDbAsync(db => db.DailyStats.ToListAsync()));
    }

    [Fact]
    public async Task Ready_MigrationNotApplied_Answers503WhileAliveStays200()
    {
        using var app = NewsAppFactory.On(provider);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT max("MigrationId") FROM "__EFMigrationsHistory")"""));
        var browser = app.CreateBrowser();

        var ready = await browser.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var alive = await browser.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready: 1 migrations not applied\n", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    public sealed class OnSqlite() : HealthTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : HealthTests(DatabaseProvider.PostgreSql)
    {
        [Fact]
        public async Task Ready_DatabaseGone_Answers503WhileAliveStays200()
        {
            using var app = NewsAppFactory.On(Provider);
            var browser = app.CreateBrowser();
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);

            PostgreSqlCluster.Instance.DropDatabase(((TestDatabase.PostgreSqlDatabase)app.Database).Name);
            var ready = await browser.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            var alive = await browser.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.StartsWith("not ready:", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
    }
}
