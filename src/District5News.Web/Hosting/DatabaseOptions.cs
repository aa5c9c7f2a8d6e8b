using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
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
}
