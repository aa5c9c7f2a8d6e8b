using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace District5News.Web.Data;

/// <summary>
/// The one definition of "the database cannot take writes right now": the file or the disk turned read-only, the disk
/// is full, an I/O error, the file cannot be opened, or another writer held the lock past the busy timeout. These are
/// faults of the machine, not of the request: the portal keeps reading, keeps what was typed or counted, and answers
/// 503 instead of the generic 500. Corruption (SQLITE_CORRUPT, SQLITE_NOTADB) is not one of them: retrying cannot help.
/// </summary>
public static class StorageFailure
{
    // SQLite primary result codes (sqlite.org/rescode.html); the extended codes carry the primary one in their low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    // SQL Server: filegroup full (1105), transaction log full (9002), database read-only (3906).
    private static readonly HashSet<int> SqlServerNumbers = [1105, 9002, 3906];

    // PostgreSQL SQLSTATEs: disk_full (53100), read_only_sql_transaction (25006: a standby, or
    // default_transaction_read_only set by an operator), io_error (58030).
    private static readonly HashSet<string> PostgreSqlStates = ["53100", "25006", "58030"];

    // Files (cover images): on Linux the HResult is the errno (ENOSPC 28, EROFS 30, EDQUOT 122); on Windows
    // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL, ERROR_WRITE_PROTECT as HRESULTs.
    private static readonly HashSet<int> FileErrors = [28, 30, 122, unchecked((int)0x80070070), unchecked((int)0x80070027), unchecked((int)0x80070013)];

    /// <summary>True when <paramref name="exception"/> or one it wraps (e.g. in a DbUpdateException) is a storage failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteReadOnly
                    or SqliteIoError or SqliteFull or SqliteCantOpen:
                    return true;
                case SqlException sqlServer when SqlServerNumbers.Contains(sqlServer.Number):
                    return true;
                case PostgresException postgres when PostgreSqlStates.Contains(postgres.SqlState):
                    return true;
                case IOException io when FileErrors.Contains(io.HResult):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }
}
