using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace District5News.Web.Features.Backups;

/// <summary>
/// What a backup archive holds, written first in it as <c>manifest.json</c>: the database's kind and file, and the
/// figures of the database as copied (read from the copy itself, or inside the dump's snapshot), so a restore can say
/// what it brought back and an operator can check it.
/// </summary>
public sealed record BackupManifest
{
    public const string Format = "district5news-backup/1";
    public const string EntryName = "manifest.json";
    public const string UploadsFolder = "uploads/";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string FormatVersion { get; init; } = Format;

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Sqlite or PostgreSql: a backup is restored onto the same kind of database.</summary>
    public required string Provider { get; init; }

    /// <summary>The database entry: database/district5news.db (an SQLite file) or database/district5news.dump (pg_dump's custom format).</summary>
    public required string DatabaseEntry { get; init; }

    public string? LastMigration { get; init; }

    public long Bulletins { get; init; }

    public long Revisions { get; init; }

    public long SiteVisits { get; init; }

    public long BulletinViews { get; init; }

    public long UploadedFiles { get; set; }

    public long UploadedBytes { get; set; }

    /// <summary>Cover images the copied database names but the uploads folder no longer had (a bulletin purged meanwhile).</summary>
    public IReadOnlyList<string> MissingUploads { get; set; } = [];

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? FromJson(Stream json) => JsonSerializer.Deserialize<BackupManifest>(json, Json);

    /// <summary>The figures and the cover images named, read through <paramref name="connection"/> (the copy, or the dump's snapshot).</summary>
    public static async Task<(BackupManifest Manifest, List<string> Covers)> ReadAsync(
        DbConnection connection, string provider, string databaseEntry, DateTime createdAtUtc, CancellationToken cancellationToken)
    {
        var manifest = new BackupManifest
        {
            Provider = provider,
            DatabaseEntry = databaseEntry,
            CreatedAtUtc = createdAtUtc,
            LastMigration = await ScalarAsync<string>(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""", cancellationToken),
            Bulletins = await CountAsync(connection, """SELECT count(*) FROM "Articles" """, cancellationToken),
            Revisions = await CountAsync(connection, """SELECT count(*) FROM "ArticleRevisions" """, cancellationToken),
            SiteVisits = await CountAsync(connection, """SELECT coalesce(sum("Visits"), 0) FROM "SiteCounters" """, cancellationToken),
            BulletinViews = await CountAsync(connection, """SELECT coalesce(sum("Views"), 0) FROM "Articles" """, cancellationToken),
        };
        var covers = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "CoverImagePath" FROM "Articles" WHERE "CoverImagePath" IS NOT NULL
            UNION SELECT "CoverImagePath" FROM "ArticleRevisions" WHERE "CoverImagePath" IS NOT NULL
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            covers.Add(reader.GetString(0));
        }

        return (manifest, covers);
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync<object>(connection, sql, cancellationToken), CultureInfo.InvariantCulture);

    private static async Task<T?> ScalarAsync<T>(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }
}
