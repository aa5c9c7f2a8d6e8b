using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// PostgreSQL's read-only database (SQLSTATE 25006: a standby, or default_transaction_read_only set by an operator) is a
/// storage failure like SQLite's read-only file: readers go on, counts wait in memory and arrive once it is writable.
/// </summary>
public sealed class PostgreSqlStorageFaultTests
{
    [Fact]
    public async Task ReadOnlyDatabase_ViewsCountedMeanwhile_ArriveOnceItIsWritableAgain()
    {
        using var app = NewsAppFactory.On(DatabaseProvider.PostgreSql);
        var name = ((TestDatabase.PostgreSqlDatabase)app.Database).Name;
        var article = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Phường An Đông ra quân dọn vệ sinh", new DateTime(2026, 11, 18, 8, 0, 0)));
        var url = new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync(url)).StatusCode);
        await app.FlushCountsAsync();

        await SetReadOnlyAsync(name, true);
        for (var reader = 0; reader < 3; reader++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync(url)).StatusCode);
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(app.FlushCountsAsync);
        Assert.True(StorageFailure.Is(refused), $"The flush failed, but not with a storage failure: {refused}");

        await SetReadOnlyAsync(name, false);
        await app.FlushCountsAsync();
        await app.FlushCountsAsync(); // nothing left: a second flush adds nothing

        Assert.Equal(4, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Views).SingleAsync()));
    }

    /// <summary>New sessions of the database start read-only (or not); pooled ones are dropped so the app opens new ones.</summary>
    private static async Task SetReadOnlyAsync(string database, bool readOnly)
    {
        await using (var connection = new NpgsqlConnection(PostgreSqlCluster.Instance.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"""ALTER DATABASE "{database}" SET default_transaction_read_only = {(readOnly ? "on" : "off")}""", connection);
            await command.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }
}
