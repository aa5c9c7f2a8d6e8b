using District5News.Web.Data.Demo;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace District5News.Web.Data;

/// <summary>Applies migrations at start-up and, in Development only, fills an empty database with demo content.</summary>
public sealed class DatabaseInitializer(
    NewsDbContext db,
    IHostEnvironment environment,
    IOptions<DatabaseOptions> options,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
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
}
