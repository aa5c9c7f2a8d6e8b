using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Statistics;
using Microsoft.AspNetCore.Identity;

namespace District5News.Web.Hosting;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Administrator pages: staff accounts, visit statistics, audit log.</summary>
    public static IServiceCollection AddNewsAdministration(this IServiceCollection services)
    {
        services.AddScoped<AccountAdministration>();
        services.AddScoped<StatisticsQueries>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<Features.Admin.DashboardQueries>();

        // Locking an account or resetting its password changes its security stamp; checking the stamp every minute
        // (instead of Identity's 30) ends that account's open sessions promptly and makes role changes take effect.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }
}
