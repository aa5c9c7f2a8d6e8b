using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace District5News.Benchmarks;

/// <summary>Reads the stored counts the counting checks compare with what wrk completed.</summary>
internal static class CountReader
{
    private const string Sql = """
        SELECT (SELECT COALESCE(SUM("Views"), 0) FROM "Articles"),
               (SELECT "Visits" FROM "SiteCounters" WHERE "Id" = 1),
               (SELECT COALESCE(SUM("PageViews"), 0) FROM "DailyStats")
        """;

    /// <summary>One line: article views (sum of Views), site visits, and today's page views, space separated.</summary>
    public static async Task<string> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        return await ReadAsync(connection);
    }

    /// <summary>The same line from a PostgreSQL database (scripts/benchmark.sh --provider postgresql).</summary>
    public static async Task<string> ReadPostgreSqlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        return await ReadAsync(connection);
    }

    private static async Task<string> ReadAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return FormattableString.Invariant($"{Convert.ToInt64(reader.GetValue(0))} {reader.GetInt64(1)} {Convert.ToInt64(reader.GetValue(2))}");
    }
}
