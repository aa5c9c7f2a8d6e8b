using System.ComponentModel;
using System.Data;
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
/// <c>backup --to FILE</c>: one .tar.gz holding <c>manifest.json</c>, the database and the uploads folder, taken while
/// the portal runs. SQLite: SQLite's online backup API copies every page inside one read transaction, so the copy is
/// the database at one moment however busy the writers are (WAL lets them go on meanwhile). PostgreSQL: pg_dump in
/// the custom format, from a snapshot exported by a transaction that also reads the manifest's figures. The database
/// is copied first and the uploads after it: a cover is written before the save that names it commits, so every cover
/// the copy names is already on disk. Restored with <see cref="RestoreCommand"/>. Never overwrites a file.
/// </summary>
public sealed class BackupCommand(IServiceScopeFactory scopes, CoverImageStore covers, TimeProvider clock) : IPortalCommand
{
    public const string CommandName = "backup";

    private const string SqliteEntry = "database/district5news.db";
    private const string PostgreSqlEntry = "database/district5news.dump";

    public string Name => CommandName;

    // The database is copied as it is: no migration, nothing created.
    public bool InitializesDatabase => false;

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var to = CommandLine.Option(args, "--to");
        if (string.IsNullOrWhiteSpace(to))
        {
            await error.WriteLineAsync("Usage: backup --to FILE.tar.gz   (the database and the uploads folder, taken while the portal runs)");
            return 2;
        }

        var target = Path.GetFullPath(to);
        if (File.Exists(target) || Directory.Exists(target))
        {
            await error.WriteLineAsync($"{target} already exists: a backup never overwrites one. Choose a new name.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("d5news-backup-");
        var partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            (BackupManifest Manifest, List<string> Covers, string File) copied;
            if (db.Database.IsSqlite())
            {
                copied = await CopySqliteAsync(db.Database.GetConnectionString()!, work.FullName, now, cancellationToken);
            }
            else if (db.Database.IsNpgsql())
            {
                copied = await DumpPostgreSqlAsync(db.Database.GetConnectionString()!, work.FullName, now, cancellationToken);
            }
            else
            {
                await error.WriteLineAsync("backup covers SQLite and PostgreSQL. On SQL Server use BACKUP DATABASE and copy Uploads:Path (docs/operations.md).");
                return 2;
            }

            var manifest = copied.Manifest;
            var uploads = UploadedFiles();
            manifest.UploadedFiles = uploads.Count;
            manifest.UploadedBytes = uploads.Sum(f => f.Length);
            manifest.MissingUploads = [.. copied.Covers.Where(c => !File.Exists(CoverFile(c))).Order(StringComparer.Ordinal)];
            await WriteArchiveAsync(partial, manifest, copied.File, uploads, cancellationToken);
            File.Move(partial, target);

            await output.WriteLineAsync(
                $"{target}: {manifest.Bulletins} bulletins, {manifest.Revisions} revisions, {manifest.SiteVisits} visits, "
                + $"{manifest.UploadedFiles} uploaded files ({manifest.UploadedBytes / 1024.0 / 1024.0:0.0} MB).");
            foreach (var missing in manifest.MissingUploads)
            {
                await output.WriteLineAsync($"  not in the uploads folder (deleted since?): {missing}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is BackupException or SqliteException or NpgsqlException or IOException or UnauthorizedAccessException or Win32Exception)
        {
            await error.WriteLineAsync($"No backup written: {Explain(ex)}");
            return 1;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    internal static string Explain(Exception ex) => ex switch
    {
        Win32Exception => $"a PostgreSQL program could not be started ({ex.Message}): apt-get install postgresql-client.",
        _ => ex.Message.ReplaceLineEndings(" "),
    };

    private static async Task<(BackupManifest, List<string>, string)> CopySqliteAsync(
        string connectionString, string work, DateTime now, CancellationToken cancellationToken)
    {
        // ReadWrite, not ReadWriteCreate: a missing file is reported, never created.
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new BackupException($"no database at {source.DataSource}.");
        }

        var copyPath = Path.Combine(work, "district5news.db");
        await using var from = new SqliteConnection(source.ToString());
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false }.ToString());
        await from.OpenAsync(cancellationToken);
        await copy.OpenAsync(cancellationToken);
        from.BackupDatabase(copy);

        // One self-contained file: the copy's own journal mode, not the source's WAL (the portal switches it back).
        await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", cancellationToken);
        await using (var check = copy.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check;";
            if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
            {
                throw new BackupException($"the copy of {source.DataSource} fails SQLite's check: run check-database (docs/security/faults.md).");
            }
        }

        var (manifest, coverPaths) = await BackupManifest.ReadAsync(copy, "Sqlite", SqliteEntry, now, cancellationToken);
        return (manifest, coverPaths, copyPath);
    }

    private static async Task<(BackupManifest, List<string>, string)> DumpPostgreSqlAsync(
        string connectionString, string work, DateTime now, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var dumpPath = Path.Combine(work, "district5news.dump");
        await using var connection = new NpgsqlConnection(settings.ToString());
        await connection.OpenAsync(cancellationToken);

        // The figures and pg_dump read the same snapshot, held by this transaction until the dump is done.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = connection.CreateCommand();
        export.CommandText = "SELECT pg_export_snapshot();";
        var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var (manifest, coverPaths) = await BackupManifest.ReadAsync(connection, "PostgreSql", PostgreSqlEntry, now, cancellationToken);
        await PostgreSqlTools.RunAsync("pg_dump", ["--format=custom", $"--snapshot={snapshot}", $"--file={dumpPath}"], settings, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (manifest, coverPaths, dumpPath);
    }

    private List<FileInfo> UploadedFiles() =>
        Directory.Exists(covers.RootFolder)
            ? [.. new DirectoryInfo(covers.RootFolder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal)]
            : [];

    private string CoverFile(string publicPath) =>
        Path.Combine(covers.RootFolder, publicPath.StartsWith(UploadOptions.RequestPath + "/", StringComparison.Ordinal)
            ? publicPath[(UploadOptions.RequestPath.Length + 1)..]
            : publicPath.TrimStart('/'));

    private async Task WriteArchiveAsync(
        string path, BackupManifest manifest, string databaseFile, List<FileInfo> uploads, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            var json = manifest.ToJson();
            var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(json) };
            await tar.WriteEntryAsync(entry, cancellationToken);
            await tar.WriteEntryAsync(databaseFile, manifest.DatabaseEntry, cancellationToken);
            foreach (var upload in uploads)
            {
                var relative = Path.GetRelativePath(covers.RootFolder, upload.FullName).Replace(Path.DirectorySeparatorChar, '/');
                try
                {
                    await tar.WriteEntryAsync(upload.FullName, BackupManifest.UploadsFolder + relative, cancellationToken);
                }
                catch (FileNotFoundException)
                {
                    // Deleted since it was listed (a purge): the copied database may still name it, the manifest says so.
                }
            }
        }

        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
