using District5News.Web.Features.Import;

namespace District5News.Web.Hosting;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Importing the old portal's saved bulletin pages (command and admin page).</summary>
    public static IServiceCollection AddNewsImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OldPortalImporter>();
        services.AddSingleton<IPortalCommand, ImportOldPortalCommand>();
        return services;
    }
}
