using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace District5News.Web.Data;

/// <summary>
/// Keeps read-only SQLite connections out of the pool. While the file or its disk is write-protected, SQLite opens a
/// new connection read-only instead of failing, and such a connection stays read-only for its life: pooled, it would
/// go on refusing writes (SQLITE_READONLY) long after the fault is gone, until a restart. Marking the pool for
/// clearing closes it when it is given back, so the first connection opened after the fault can write again.
/// </summary>
public sealed class StorageFailureConnectionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => DropIfReadOnly(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DropIfReadOnly(connection);
        return Task.CompletedTask;
    }

    private static void DropIfReadOnly(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite
            && SQLitePCL.raw.sqlite3_db_readonly(handle, "main") == 1
            && !string.Equals(sqlite.DataSource, ":memory:", StringComparison.Ordinal)
            && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != SqliteOpenMode.ReadOnly)
        {
            SqliteConnection.ClearPool(sqlite);
        }
    }
}
