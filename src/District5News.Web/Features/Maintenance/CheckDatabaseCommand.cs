using District5News.Web.Data;
using District5News.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace District5News.Web.Features.Maintenance;

/// <summary>
/// <c>check-database</c>: SQLite's own integrity check and the search index's check against the bulletins, on the file
/// as it is: no migration, nothing created, no data changed. On PostgreSQL: migrations applied and search indexes valid. Says what it found in a few lines; exits 0 when both are
/// sound, 1 when not (or when the file is missing or is no SQLite database), 2 when there is nothing it can check.
/// </summary>
public sealed class CheckDatabaseCommand(IServiceScopeFactory scopes) : IPortalCommand
{
    public const string CommandName = "check-database";

    /// <summary>Problems listed one a line; the rest are counted.</summary>
    public const int MaxProblemsListed = 20;

    private const string Damaged = "The file is damaged: stop the portal and restore the last backup (docs/security/faults.md).";

    public string Name => CommandName;

    // A damaged file must reach the check instead of stopping the start-up that would run before it.
    public bool InitializesDatabase => false;

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        if (db.Database.IsNpgsql())
        {
            return await CheckPostgreSqlAsync(db, output, error, cancellationToken);
        }

        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync("check-database checks the embedded SQLite database. On SQL Server run DBCC CHECKDB on the portal's database.");
            return 2;
        }

        // ReadWrite, not ReadWriteCreate: a missing file is reported, never created. No pool: the file is left closed.
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (builder.DataSource is "" or ":memory:")
        {
            await error.WriteLineAsync("check-database needs a database file; the connection string names none.");
            return 2;
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"No database at {path}.");
            return 1;
        }

        await using var connection = new SqliteConnection(builder.ToString());
        List<string> problems;
        string? searchProblem;
        long bulletins;
        try
        {
            await connection.OpenAsync(cancellationToken);
            problems = await IntegrityProblemsAsync(connection, cancellationToken);
            searchProblem = problems.Count == 0 ? await SearchIndexProblemAsync(connection, cancellationToken) : "not checked (fix the file first)";
            bulletins = problems.Count == 0 ? await ScalarAsync(connection, """SELECT count(*) FROM "Articles";""", cancellationToken) : 0;
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == 26)
        {
            await error.WriteLineAsync($"{path} is not an SQLite database (wrong file, or its first page is damaged): restore the last backup.");
            return 1;
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == 11)
        {
            // Damage bad enough that the check itself cannot walk the tree: a finding, not a failure of the command.
            await output.WriteLineAsync($"{path}: the integrity check found damage it cannot read past (SQLite: {ex.Message.ReplaceLineEndings(" ")}).");
            await output.WriteLineAsync(Damaged);
            return 1;
        }
        catch (SqliteException ex)
        {
            await error.WriteLineAsync($"{path} could not be checked: {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }

        if (problems.Count == 0 && searchProblem is null)
        {
            await output.WriteLineAsync($"{path}: integrity ok, search index ok ({bulletins} bulletins).");
            return 0;
        }

        if (problems.Count > 0)
        {
            await output.WriteLineAsync($"{path}: the integrity check found {(problems.Count == 100 ? "100 or more" : problems.Count)} problems:");
            foreach (var problem in problems.Take(MaxProblemsListed))
            {
                await output.WriteLineAsync($"  {problem}");
            }

            if (problems.Count > MaxProblemsListed)
            {
                await output.WriteLineAsync($"  ... and {problems.Count - MaxProblemsListed} more.");
            }

            await output.WriteLineAsync(Damaged);
        }
        else
        {
            await output.WriteLineAsync($"{path}: integrity ok.");
        }

        if (searchProblem is not null && problems.Count == 0)
        {
            await output.WriteLineAsync($"Search index: {searchProblem}");
        }

        return 1;
    }

    /// <summary>
    /// PostgreSQL keeps its own files sound (checksums, WAL), and pg_amcheck checks pages and indexes: what this adds is
    /// what only the portal knows: the server answers, every migration of this version is applied, and the two search
    /// indexes exist and are valid (an interrupted CREATE INDEX CONCURRENTLY leaves one invalid, and search would scan).
    /// </summary>
    private static async Task<int> CheckPostgreSqlAsync(NewsDbContext db, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var name = $"\"{connection.Database}\" on {connection.DataSource}";
        List<string> problems = [];
        long bulletins;
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                problems.Add($"{pending.Count} migrations not applied ({string.Join(", ", pending)}): start this version of the portal once.");
            }

            var validIndexes = await db.Database.SqlQueryRaw<string>(
                """
                SELECT c.relname AS "Value" FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
                WHERE c.relname IN ('IX_Articles_SearchDocument', 'IX_Articles_SearchTitle') AND i.indisvalid
                """).ToListAsync(cancellationToken);
            foreach (var index in new[] { "IX_Articles_SearchDocument", "IX_Articles_SearchTitle" }.Except(validIndexes))
            {
                problems.Add($"search index {index} is missing or invalid: REINDEX INDEX \"{index}\"; (docs/operations.md).");
            }

            bulletins = pending.Count == 0 ? await db.Articles.LongCountAsync(cancellationToken) : 0;
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync($"{name} could not be checked: {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }

        if (problems.Count == 0)
        {
            await output.WriteLineAsync($"{name}: migrations applied, search indexes valid ({bulletins} bulletins). For page and index checksums run pg_amcheck.");
            return 0;
        }

        await output.WriteLineAsync($"{name}:");
        foreach (var problem in problems)
        {
            await output.WriteLineAsync($"  {problem}");
        }

        return 1;
    }

    /// <summary>PRAGMA integrity_check answers one row "ok", or up to 100 rows that each name a problem.</summary>
    private static async Task<List<string>> IntegrityProblemsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows is ["ok"] ? [] : rows;
    }

    /// <summary>The FTS5 search indexes over the bulletins: the whole text, and the titles alone (title steps of a search).</summary>
    private static readonly string[] SearchIndexes = ["ArticleSearch", "ArticleTitleSearch"];

    /// <summary>
    /// FTS5's integrity-check with rank 1 also compares each index with its content table (Articles): an index entry
    /// missing or left over makes it fail with SQLITE_CORRUPT_VTAB. The indexes are derived data, so they can be rebuilt.
    /// </summary>
    private static async Task<string?> SearchIndexProblemAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var index in SearchIndexes)
        {
            if (await ScalarAsync(connection, $"SELECT count(*) FROM sqlite_master WHERE name = '{index}';", cancellationToken) == 0)
            {
                return $"{index} missing (the database has not been migrated by this version of the portal).";
            }

            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"""INSERT INTO "{index}"("{index}", rank) VALUES ('integrity-check', 1);""";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == 11)
            {
                return $"does not match the bulletins ({index}), so search misses or invents results. It is rebuilt from the bulletins with "
                    + $"""sqlite3 FILE "INSERT INTO {index}({index}) VALUES ('rebuild');" (docs/security/faults.md).""";
            }
        }

        return null;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
