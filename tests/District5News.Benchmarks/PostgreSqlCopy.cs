using System.Diagnostics;
using System.Globalization;
using District5News.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace District5News.Benchmarks;

/// <summary>
/// Puts the bulletins of a generated SQLite database into a PostgreSQL database, so that both providers are measured
/// on the same rows: the database is dropped and made afresh with the portal's own PostgreSQL migrations (GIN indexes,
/// the SearchSpan function, seeded categories and counters), then the tables the generator fills are copied with
/// binary COPY, every column the two schemas share, ids included. The secondary indexes of the copied tables are
/// dropped before the copy and re-created afterwards from their own definitions (pg_indexes), which leaves them
/// exactly as the migrations made them but built in one pass; identity sequences are moved past the copied ids,
/// the site counters row is updated, and ANALYZE runs at the end.
/// </summary>
internal static class PostgreSqlCopy
{
    /// <summary>The tables the generator writes rows into (SiteCounters is seeded by the migrations: updated, not copied).</summary>
    private static readonly string[] Tables = ["Articles", "ArticleDailyViews", "DailyStats"];

    public static async Task RunAsync(string sqlitePath, string connectionString)
    {
        var watch = Stopwatch.StartNew();
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new ArgumentException("The PostgreSQL connection string names no Database.");
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString()))
        {
            await admin.OpenAsync();
            await Execute(admin, $"""DROP DATABASE IF EXISTS "{database.Replace("\"", "\"\"", StringComparison.Ordinal)}" WITH (FORCE)""");
        }

        target.Pooling = false;
        await using (var db = new PostgreSqlNewsDbContext(new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql(target.ToString()).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync();
        await using var pg = new NpgsqlConnection(target.ToString());
        await pg.OpenAsync();

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            var indexes = await ReadStrings(pg, """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = 'public' AND i.tablename = @table
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """, ("table", table));
            foreach (var (name, _) in indexes)
            {
                await Execute(pg, $"""DROP INDEX "{name}" """);
            }

            rows[table] = await CopyTableAsync(source, pg, table);
            foreach (var (_, definition) in indexes)
            {
                await Execute(pg, definition);
            }
        }

        // Identity columns: move each sequence past the copied ids.
        foreach (var (table, column) in await ReadStrings(pg, """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND is_identity = 'YES' AND table_name = ANY(@tables)
            """, ("tables", Tables)))
        {
            await Execute(pg, $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)""");
        }

        await using (var counters = source.CreateCommand())
        {
            counters.CommandText = """SELECT "Visits", "StartingVisits" FROM "SiteCounters" WHERE "Id" = 1""";
            await using var reader = await counters.ExecuteReaderAsync();
            await reader.ReadAsync();
            await using var update = new NpgsqlCommand("""UPDATE "SiteCounters" SET "Visits" = @visits, "StartingVisits" = @starting WHERE "Id" = 1""", pg);
            update.Parameters.AddWithValue("visits", reader.GetInt64(0));
            update.Parameters.AddWithValue("starting", reader.GetInt64(1));
            await update.ExecuteNonQueryAsync();
        }

        await Execute(pg, "VACUUM ANALYZE");
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", pg);
        var bytes = (long)(await size.ExecuteScalarAsync())!;
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            database,
            rows,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            megabytes = Math.Round(bytes / 1048576.0, 1),
        }));
    }

    /// <summary>Copies every column <paramref name="table"/> has in both databases, converting SQLite's storage to PostgreSQL's types.</summary>
    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection pg, string table)
    {
        var sourceColumns = new HashSet<string>(StringComparer.Ordinal);
        await using (var info = source.CreateCommand())
        {
            info.CommandText = $"""SELECT name FROM pragma_table_info('{table}')""";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sourceColumns.Add(reader.GetString(0));
            }
        }

        var columns = (await ReadStrings(pg, """
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = @table AND is_generated = 'NEVER' ORDER BY ordinal_position
                """, ("table", table)))
            .Where(c => sourceColumns.Contains(c.Item1))
            .ToList();
        var list = string.Join(", ", columns.Select(c => $"\"{c.Item1}\""));

        await using var select = source.CreateCommand();
        select.CommandText = $"""SELECT {list} FROM "{table}" ORDER BY rowid""";
        await using var rows = await select.ExecuteReaderAsync();
        await using var writer = await pg.BeginBinaryImportAsync($"""COPY "{table}" ({list}) FROM STDIN (FORMAT BINARY)""");
        while (await rows.ReadAsync())
        {
            await writer.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                if (await rows.IsDBNullAsync(i))
                {
                    await writer.WriteNullAsync();
                    continue;
                }

                switch (columns[i].Item2)
                {
                    case "integer":
                        await writer.WriteAsync(rows.GetInt32(i), NpgsqlDbType.Integer);
                        break;
                    case "bigint":
                        await writer.WriteAsync(rows.GetInt64(i), NpgsqlDbType.Bigint);
                        break;
                    case "smallint":
                        await writer.WriteAsync(rows.GetInt16(i), NpgsqlDbType.Smallint);
                        break;
                    case "boolean":
                        await writer.WriteAsync(rows.GetInt64(i) != 0, NpgsqlDbType.Boolean);
                        break;
                    case "timestamp with time zone":
                        await writer.WriteAsync(DateTime.SpecifyKind(DateTime.Parse(rows.GetString(i), CultureInfo.InvariantCulture,
                            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                        break;
                    case "date":
                        await writer.WriteAsync(DateOnly.Parse(rows.GetString(i), CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                        break;
                    case "uuid":
                        await writer.WriteAsync(Guid.Parse(rows.GetString(i)), NpgsqlDbType.Uuid);
                        break;
                    case "text" or "character varying":
                        await writer.WriteAsync(rows.GetString(i), NpgsqlDbType.Text);
                        break;
                    default:
                        throw new NotSupportedException($"Column {table}.{columns[i].Item1} has type {columns[i].Item2}, which the copy does not convert.");
                }
            }
        }

        return (long)await writer.CompleteAsync();
    }

    private static async Task<List<(string, string)>> ReadStrings(NpgsqlConnection pg, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, pg);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
