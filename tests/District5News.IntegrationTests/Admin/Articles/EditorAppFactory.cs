using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>The app with its uploads folder in a temp directory of its own, removed with the factory.</summary>
public class EditorAppFactory : NewsAppFactory
{
    public EditorAppFactory()
    {
    }

    protected EditorAppFactory(DatabaseProvider provider)
        : base(provider)
    {
    }

    public string UploadsPath { get; } = Path.Combine(Path.GetTempPath(), $"d5news-uploads-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:Path", UploadsPath);

        // The form's request limit is the cover's plus the attachments' of one save: kept small here, so a body far over
        // it is a few megabytes, not fifty.
        builder.UseSetting("Attachments:MaxUploadBytes", (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(UploadsPath))
        {
            Directory.Delete(UploadsPath, recursive: true);
        }
    }

    /// <summary>The same app on a database of the run's PostgreSQL cluster.</summary>
    public sealed class OnPostgreSql() : EditorAppFactory(DatabaseProvider.PostgreSql);
}
