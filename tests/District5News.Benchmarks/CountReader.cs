using Microsoft.Data.Sqlite;

namespace District5News.Benchmarks;

/// <summary>Reads the stored counts the counting checks compare with what wrk completed.</summary>
internal static class CountReader
{
    /// <summary>One line: article views (sum of Views), site visits, and today's page views, space separated.</summary>
    public static async Task<string> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COALESCE(SUM("Views"), 0) FROM "Articles"),
                   (SELECT "Visits" FROM "SiteCounters" WHERE "Id" = 1),
                   (SELECT COALESCE(SUM("PageViews"), 0) FROM "DailyStats")
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return FormattableString.Invariant($"{reader.GetInt64(0)} {reader.GetInt64(1)} {reader.GetInt64(2)}");
    }
}
