using District5News.Web.Features.Units;
using Microsoft.AspNetCore.Authorization;

namespace District5News.Web.Hosting;

public static class UnitsServiceCollectionExtensions
{
    /// <summary>
    /// Publishing units: the directory of units (kept until they change), who may act on which unit's bulletins
    /// (resource-based authorization, docs/decisions/0010), the units' public pages, the ward a resident picked and
    /// the administrator's units page.
    /// </summary>
    public static IServiceCollection AddNewsUnits(this IServiceCollection services)
    {
        services.AddSingleton<UnitDirectory>();
        services.AddPublicContentChangeHandler<UnitDirectory>();
        services.AddScoped<StaffUnitAccess>();
        services.AddScoped<IAuthorizationHandler, BulletinAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, UnitAuthorizationHandler>();
        services.AddScoped<BulletinAccess>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<UnitAdministration>();
        services.AddScoped<StaffUnitMemberships>();
        services.AddSingleton<WardPreference>();
        return services;
    }
}
