using System.Net;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Data;

/// <summary>The real app process started in Production on a missing, foreign or crashed-on database file, or a PostgreSQL server it cannot use.</summary>
public sealed class DatabaseStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"d5news-start-{Guid.NewGuid():N}");

    public DatabaseStartupTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Production_MissingDatabase_RefusesWithOneLineAndCreatesNothing()
    {
        var path = Path.Combine(_folder, "district5news.db");

        var (exit, _, error) = await PortalProcess.RunToEndAsync(path);

        Assert.NotEqual(0, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"No database at {path}. Refusing to start", line, StringComparison.Ordinal);
        Assert.Contains("Database__CreateIfMissing=true", line, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Production_EmptyFile_IsRefusedLikeAMissingDatabase()
    {
        var path = Path.Combine(_folder, "district5news.db");
        await File.WriteAllBytesAsync(path, []);

        var (exit, _, error) = await PortalProcess.RunToEndAsync(path);

        Assert.NotEqual(0, exit);
        Assert.StartsWith($"No database at {path}.", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public async Task Production_FileOfRandomBytes_RefusesWithOneLineAndLeavesTheFileAlone()
    {
        var path = Path.Combine(_folder, "district5news.db");
        var bytes = new byte[64 * 1024];
        new Random(5).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);

        var (exit, _, error) = await PortalProcess.RunToEndAsync(path);

        Assert.NotEqual(0, exit);
        Assert.Equal($"{path} is not an SQLite database (wrong file, or its first page is damaged). Refusing to start: restore the last "
            + "backup or correct ConnectionStrings__News (docs/operations.md).", Assert.Single(Lines(error)));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Production_CreateIfMissing_CreatesTheDatabaseAndServes()
    {
        var path = Path.Combine(_folder, "district5news.db");

        using var portal = await PortalProcess.StartServerAsync(path, new Dictionary<string, string> { ["Database__CreateIfMissing"] = "true" });

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task KillNine_PortalStartsCleanlyOnTheSameFile()
    {
        var path = Path.Combine(_folder, "district5news.db");
        using (var first = await PortalProcess.StartServerAsync(path, new Dictionary<string, string> { ["Database__CreateIfMissing"] = "true" }))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(Infrastructure.NewsAppFactory.BrowserUserAgent);
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            }

            await first.KillAsync();
        }

        // The crash left the write-ahead log behind for SQLite to recover: the start must take it in, not stumble on it.
        Assert.True(File.Exists(path + "-wal"));
        using var second = await PortalProcess.StartServerAsync(path);
        var (exit, output, error) = await PortalProcess.RunToEndAsync(path, null, "check-database");
        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public async Task Production_PostgreSqlServerUnreachable_RefusesWithOneLine()
    {
        var port = FreePort(); // nothing listens there
        var (exit, _, error) = await PortalProcess.RunToEndAsync(_folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__News"] = $"Host=127.0.0.1;Port={port};Username=postgres;Database=district5news;Timeout=5",
        });

        Assert.NotEqual(0, exit);
        Assert.StartsWith($"The database server of \"district5news\" on tcp://127.0.0.1:{port} cannot be reached (",
            Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_PostgreSqlDatabaseMissing_RefusesWithOneLineAndCreatesNothing()
    {
        var name = PostgreSqlCluster.NewDatabaseName();
        var cluster = PostgreSqlCluster.Instance;

        var (exit, _, error) = await PortalProcess.RunToEndAsync(_folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__News"] = cluster.ConnectionString(name),
        });

        Assert.NotEqual(0, exit);
        Assert.StartsWith($"The database \"{name}\" on tcp://127.0.0.1:{cluster.Port} does not exist. Refusing to start",
            Assert.Single(Lines(error)), StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
