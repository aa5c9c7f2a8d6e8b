using System.ComponentModel;
using System.Formats.Tar;
using System.IO.Compression;
using District5News.Web.Data;
using District5News.Web.Features.Editing;
using District5News.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace District5News.Web.Features.Backups;

/// <summary>
/// <c>restore --from FILE</c>: puts a <see cref="BackupCommand"/> archive into a new instance: the database named by
/// Database:Provider and ConnectionStrings:News (an SQLite file that does not exist yet, or a PostgreSQL database that
/// is empty or does not exist) and the uploads folder (Uploads:Path, empty or missing). It refuses anything else
/// before writing a byte, so it can never mix a backup into a live portal. The portal, started afterwards, applies the
/// migrations a newer version brings.
/// </summary>
public sealed class RestoreCommand(IServiceScopeFactory scopes, CoverImageStore covers) : IPortalCommand
{
    public const string CommandName = "restore";

    public string Name => CommandName;

    public bool InitializesDatabase => false;

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var from = CommandLine.Option(args, "--from");
        if (string.IsNullOrWhiteSpace(from))
        {
            await error.WriteLineAsync("Usage: restore --from FILE.tar.gz   (into a new instance: no database yet, an empty uploads folder)");
            return 2;
        }

        var archive = Path.GetFullPath(from);
        if (!File.Exists(archive))
        {
            await error.WriteLineAsync($"No backup at {archive}.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("d5news-restore-");
        string? sqliteTarget = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var connectionString = db.Database.GetConnectionString()!;
            var provider = db.Database.IsSqlite() ? "Sqlite" : db.Database.IsNpgsql() ? "PostgreSql" : "SqlServer";

            await using var file = File.OpenRead(archive);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            var manifest = await ReadManifestAsync(tar, cancellationToken);
            if (manifest.Provider != provider)
            {
                throw new BackupException($"the backup holds a {manifest.Provider} database and this instance is set up for {provider} (Database:Provider).");
            }

            if (Directory.Exists(covers.RootFolder) && Directory.EnumerateFileSystemEntries(covers.RootFolder).Any())
            {
                throw new BackupException($"the uploads folder {covers.RootFolder} is not empty: restore only into a new instance.");
            }

            NpgsqlConnectionStringBuilder? postgres = null;
            if (provider == "Sqlite")
            {
                sqliteTarget = new SqliteConnectionStringBuilder(connectionString).DataSource;
                if (new[] { "", "-wal", "-shm", "-journal" }.Any(suffix => File.Exists(sqliteTarget + suffix)))
                {
                    throw new BackupException($"a database already exists at {sqliteTarget}: restore only into a new instance (move it away first).");
                }
            }
            else
            {
                postgres = new NpgsqlConnectionStringBuilder(connectionString);
                await EnsureEmptyPostgreSqlDatabaseAsync(postgres, cancellationToken);
            }

            var files = 0;
            string? dump = null;
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                if (entry.Name == manifest.DatabaseEntry)
                {
                    dump = Path.Combine(work.FullName, "database");
                    await entry.ExtractToFileAsync(dump, overwrite: false, cancellationToken);
                    if (sqliteTarget is not null)
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(sqliteTarget)!);
                        File.Move(dump, sqliteTarget + ".restoring");
                    }
                }
                else if (entry.Name.StartsWith(BackupManifest.UploadsFolder, StringComparison.Ordinal))
                {
                    var destination = UploadPath(entry.Name[BackupManifest.UploadsFolder.Length..]);
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    await entry.ExtractToFileAsync(destination, overwrite: false, cancellationToken);
                    files++;
                }
            }

            if (dump is null)
            {
                throw new BackupException($"the backup has no {manifest.DatabaseEntry}: it is incomplete.");
            }

            if (sqliteTarget is not null)
            {
                File.Move(sqliteTarget + ".restoring", sqliteTarget);
            }
            else
            {
                await PostgreSqlTools.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", $"--dbname={postgres!.Database}", dump], postgres, cancellationToken);
            }

            var bulletins = await CountBulletinsAsync(provider, sqliteTarget, postgres, cancellationToken);
            if (bulletins != manifest.Bulletins)
            {
                throw new BackupException($"the restored database holds {bulletins} bulletins, the backup's manifest says {manifest.Bulletins}.");
            }

            await output.WriteLineAsync(
                $"Restored {manifest.Bulletins} bulletins, {manifest.Revisions} revisions, {manifest.SiteVisits} visits and {files} uploaded files "
                + $"from {archive} (taken {manifest.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC). Start the portal.");
            return 0;
        }
        catch (Exception ex) when (ex is BackupException or SqliteException or NpgsqlException or IOException or UnauthorizedAccessException
            or InvalidDataException or FormatException or System.Text.Json.JsonException or Win32Exception)
        {
            if (sqliteTarget is not null)
            {
                File.Delete(sqliteTarget + ".restoring");
            }

            await error.WriteLineAsync($"Not restored: {BackupCommand.Explain(ex)}");
            return 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(TarReader tar, CancellationToken cancellationToken)
    {
        var first = await tar.GetNextEntryAsync(copyData: false, cancellationToken);
        if (first?.Name != BackupManifest.EntryName || first.DataStream is null)
        {
            throw new BackupException("this is not a backup of the portal (no manifest.json first in it).");
        }

        var manifest = BackupManifest.FromJson(first.DataStream);
        if (manifest?.FormatVersion != BackupManifest.Format)
        {
            throw new BackupException($"unknown backup format \"{manifest?.FormatVersion}\" (this version reads {BackupManifest.Format}).");
        }

        return manifest;
    }

    /// <summary>An uploaded file's place under the uploads folder; a name that would leave it is refused.</summary>
    private string UploadPath(string relative)
    {
        var root = Path.GetFullPath(covers.RootFolder);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new BackupException($"the backup names a file outside the uploads folder ({relative}).");
    }

    /// <summary>The target database must hold no table; one that does not exist is created (UTF-8, as docs/operations.md says).</summary>
    private static async Task EnsureEmptyPostgreSqlDatabaseAsync(NpgsqlConnectionStringBuilder settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ToString()) { Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema');";
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new BackupException($"the database \"{settings.Database}\" is not empty: restore only into a new, empty database.");
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var maintenance = new NpgsqlConnectionStringBuilder(settings.ToString()) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(maintenance.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var create = connection.CreateCommand();
            create.CommandText = $"""CREATE DATABASE "{settings.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}" ENCODING 'UTF8' TEMPLATE template0""";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<long> CountBulletinsAsync(
        string provider, string? sqliteTarget, NpgsqlConnectionStringBuilder? postgres, CancellationToken cancellationToken)
    {
        System.Data.Common.DbConnection connection = provider == "Sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteTarget, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres!.ToString()) { Pooling = false }.ToString());
        await using (connection)
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT count(*) FROM "Articles" """;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
