using District5News.Web.Data.Demo;
using District5News.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace District5News.Web.Data;

/// <summary>
/// Applies migrations at start-up and, in Development only, fills an empty database with demo content. A missing
/// database is created only when Database:CreateIfMissing says so; a file that is not a sound SQLite database stops
/// the start with one clear line (<see cref="Explain"/>).
/// </summary>
public sealed class DatabaseInitializer(
    NewsDbContext db,
    IHostEnvironment environment,
    IOptions<DatabaseOptions> options,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await RefuseMissingOrForeignDatabaseAsync(cancellationToken);
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while the counter flushes; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (pending.Contains(Features.Editing.StoredHtmlResanitizer.MigrationId))
        {
            await ActivatorUtilities.CreateInstance<Features.Editing.StoredHtmlResanitizer>(services).ResanitizeAllAsync(cancellationToken);
        }

        if (Features.Search.SearchTextBackfill.IsDue(pending) || await Features.Search.SearchTextBackfill.IsUnfinishedAsync(db, cancellationToken))
        {
            await ActivatorUtilities.CreateInstance<Features.Search.SearchTextBackfill>(services).FillAsync(cancellationToken);
        }

        // Roles are part of the schema's meaning, not accounts: every environment has them.
        await services.GetRequiredService<Features.Accounts.StaffAccounts>().EnsureRolesAsync();

        if (environment.IsDevelopment() && options.Value.SeedDemoContent)
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoContentSeeder>(services);
            var added = await seeder.SeedAsync(cancellationToken);
            if (added > 0)
            {
                logger.LogInformation("Demo content: {Count} bulletins added", added);
            }
        }
    }

    /// <summary>The one line an operator reads when the start fails because of the database; null for any other failure.</summary>
    public string? Explain(Exception exception) => exception switch
    {
        DatabaseStartupException refused => refused.Message,
        SqliteException damaged when (damaged.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase =>
            $"The database {DatabaseName()} is damaged (SQLite: {OneLine(damaged.Message)}). Refusing to start: run check-database "
            + "to see what is wrong, then restore the last backup (docs/operations.md).",
        _ when Unreachable(exception) is { } unreachable =>
            $"The database server of {DatabaseName()} cannot be reached ({OneLine(unreachable.GetBaseException().Message)}). "
            + "Refusing to start: check that PostgreSQL runs and ConnectionStrings__News names its host and port (docs/operations.md).",
        _ when StorageFailure.Is(exception) =>
            $"The database {DatabaseName()} cannot be opened for writing ({OneLine(exception.GetBaseException().Message)}). "
            + "Refusing to start: check the disk space and the file's permissions (docs/security/faults.md).",
        _ => null,
    };

    /// <summary>The PostgreSQL server did not answer (EF wraps it as a transient failure); an error the server sent is not this.</summary>
    private static NpgsqlException? Unreachable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } npgsql and not PostgresException)
            {
                return npgsql;
            }
        }

        return null;
    }

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private async Task RefuseMissingOrForeignDatabaseAsync(CancellationToken cancellationToken)
    {
        var createIfMissing = options.Value.CreateIfMissing;
        if (!db.Database.IsSqlite())
        {
            if (!createIfMissing && !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            {
                throw new DatabaseStartupException(
                    $"The database {DatabaseName()} does not exist. Refusing to start with an empty portal: create it (docs/operations.md) "
                    + "or set Database__CreateIfMissing=true for this one start.");
            }

            return;
        }

        var path = SqliteFilePath();
        if (path is null)
        {
            return; // in memory: nothing to lose
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            // SQLite takes an empty file for an empty database: that too would come up as a blank portal.
            if (!createIfMissing)
            {
                throw new DatabaseStartupException(
                    $"No database at {path}. Refusing to start with an empty portal: restore the database file, correct "
                    + "ConnectionStrings__News, or create a new database with Database__CreateIfMissing=true (docs/operations.md).");
            }

            logger.LogWarning("No database at {Path}: creating a new, empty one (Database:CreateIfMissing)", path);
            return;
        }

        var header = new byte[SqliteHeader.Length];
        int read;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new DatabaseStartupException(
                $"{path} is not an SQLite database (wrong file, or its first page is damaged). Refusing to start: restore the last "
                + "backup or correct ConnectionStrings__News (docs/operations.md).");
        }
    }

    private string? SqliteFilePath()
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    private string DatabaseName() => db.Database.IsSqlite()
        ? SqliteFilePath() ?? "(in memory)"
        : $"\"{db.Database.GetDbConnection().Database}\" on {db.Database.GetDbConnection().DataSource}";

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>The portal refuses to start on this database; the message is the one line the operator reads.</summary>
public sealed class DatabaseStartupException(string message) : Exception(message);
