using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The "Database" section. The connection string itself is ConnectionStrings:News.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the embedded database (relative to the content root) when no connection string is given.</summary>
    [Required]
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Fill an empty database with the demo bulletins (Development only, whatever this says).</summary>
    public bool SeedDemoContent { get; set; } = true;

    /// <summary>
    /// Create the database when it does not exist yet. Off by default, so a production portal pointed at a wrong path
    /// or a lost volume refuses to start instead of coming up empty; on in appsettings.Development.json.
    /// </summary>
    public bool CreateIfMissing { get; set; }
}
