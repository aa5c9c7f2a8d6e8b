using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// Storage faults SQLite makes itself, for machines where the tests cannot make them in the file system (no
/// CAP_LINUX_IMMUTABLE, no CAP_SYS_ADMIN): registered by <see cref="FaultApp"/> after the portal's own interceptors.
/// While <see cref="ReadOnly"/> is on, the portal's new connections open with SQLite's read-only mode, so its writes fail
/// with SQLITE_READONLY. While <see cref="Full"/> is on, each new connection has no page left: the database may not
/// grow past its size (max_page_count), and since SQLite rewrites a small row in place without a new page (a counts
/// flush is such updates), a TEMP trigger before every insert, update and delete on the portal's tables stores a blob
/// in a temp table that may not grow either, so every write meets SQLITE_FULL, as every write on a full disk does
/// (it appends to the write-ahead log). Switching a fault clears the pools, so no connection opened before outlives it.
/// </summary>
public sealed class SqliteFaultHook : DbConnectionInterceptor
{
    private volatile bool _readOnly;
    private volatile bool _full;

    public bool ReadOnly
    {
        get => _readOnly;
        set
        {
            _readOnly = value;
            SqliteConnection.ClearAllPools();
        }
    }

    public bool Full
    {
        get => _full;
        set
        {
            _full = value;
            SqliteConnection.ClearAllPools();
        }
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        OpenReadOnly(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        OpenReadOnly(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => LeaveNoRoom(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveNoRoom(connection);
        return Task.CompletedTask;
    }

    private void OpenReadOnly(DbConnection connection)
    {
        if (_readOnly && connection is SqliteConnection sqlite)
        {
            // Another connection string is another pool: these connections never go back to the read-write pool.
            sqlite.ConnectionString = new SqliteConnectionStringBuilder(sqlite.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        }
    }

    private void LeaveNoRoom(DbConnection connection)
    {
        // A pooled connection comes back with its temp schema: it has no room already.
        if (!_full || connection is not SqliteConnection sqlite
            || Scalar(sqlite, "SELECT count(*) FROM temp.sqlite_master WHERE name = 'd5_fault_room';") > 0)
        {
            return;
        }

        Execute(sqlite, $"PRAGMA main.max_page_count = {Scalar(sqlite, "PRAGMA main.page_count")};");
        Execute(sqlite, "CREATE TEMP TABLE d5_fault_room (filler BLOB);");
        Execute(sqlite, $"PRAGMA temp.max_page_count = {Scalar(sqlite, "PRAGMA temp.page_count")};");
        var tables = new List<string>();
        using (var list = sqlite.CreateCommand())
        {
            // Ordinary tables only: not SQLite's own, not virtual (full-text) tables nor their shadow tables.
            list.CommandText = """
                SELECT t.name FROM main.sqlite_master AS t
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
                  AND NOT EXISTS (SELECT 1 FROM main.sqlite_master AS v
                                  WHERE v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\_%' ESCAPE '\');
                """;
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        for (var i = 0; i < tables.Count; i++)
        {
            foreach (var operation in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                Execute(sqlite, $"""
                    CREATE TEMP TRIGGER "d5_fault_{i}_{operation}" BEFORE {operation} ON main."{tables[i].Replace("\"", "\"\"", StringComparison.Ordinal)}"
                    BEGIN INSERT INTO d5_fault_room VALUES (zeroblob(65536)); END;
                    """);
            }
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
