using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Statistics;

namespace District5News.Web.Hosting;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Administrator pages: staff accounts, categories, site-wide notices (and their public side), visit statistics, audit log.</summary>
    public static IServiceCollection AddNewsAdministration(this IServiceCollection services)
    {
        services.AddScoped<AccountAdministration>();
        services.AddScoped<StatisticsQueries>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<Features.Admin.DashboardQueries>();
        services.AddScoped<Features.Categories.CategoryAdministration>();
        services.AddScoped<Features.Notices.NoticeAdministration>();
        services.AddSingleton<Features.Notices.SiteNotices>();

        // Locking an account or resetting its password changes its security stamp, which AddNewsIdentity checks on
        // every request: the account's open sessions end and role changes take effect at once.
        return services;
    }
}
