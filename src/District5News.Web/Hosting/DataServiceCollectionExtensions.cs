using District5News.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Hosting;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NewsDbContext"/> on the provider chosen by Database:Provider.</summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("News");

        if (options.Provider is DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {options.Provider} but ConnectionStrings:News is empty.");
        }

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<NewsDbContext, SqlServerNewsDbContext>(o => o.UseSqlServer(connectionString));
        }
        else if (options.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<NewsDbContext, PostgreSqlNewsDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, options, environment);
            services.AddDbContext<NewsDbContext, SqliteNewsDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(new StorageFailureConnectionInterceptor()));
        }

        services.AddScoped<DatabaseInitializer>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<StorageFailureFilter>());
        services.AddSingleton<IPortalCommand, Features.Maintenance.CheckDatabaseCommand>();
        services.AddSingleton<IPortalCommand, Features.Backups.BackupCommand>();
        services.AddSingleton<IPortalCommand, Features.Backups.RestoreCommand>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static string SqliteConnectionString(string? configured, DatabaseOptions options, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = Path.Combine(options.DataFolder, "district5news.db");
        }

        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.Cache = SqliteCacheMode.Private;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
