using District5News.Web.Features.Agency;
using District5News.Web.Features.Procedures;

namespace District5News.Web.Hosting;

public static class AgencyServiceCollectionExtensions
{
    /// <summary>What the portal publishes about its agency: site settings, unit profiles, procedure links.</summary>
    public static IServiceCollection AddNewsAgency(this IServiceCollection services)
    {
        services.AddSingleton<SiteSettingsCache>();
        services.AddPublicContentChangeHandler<SiteSettingsCache>();
        services.AddScoped<SiteSettingsEditor>();
        services.AddScoped<UnitProfileQueries>();
        services.AddScoped<UnitProfileEditor>();
        services.AddScoped<ProcedureLinks>();
        services.AddOptions<Features.Documents.DocumentOptions>().BindConfiguration(Features.Documents.DocumentOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Documents.LegalDocuments>();
        services.AddScoped<Features.Documents.DocumentApiQueries>();
        services.AddScoped<Features.Questions.ResidentQuestions>();
        return services;
    }
}
