namespace District5News.Web.Hosting;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Administrator pages: staff accounts, visit statistics, audit log.</summary>
    public static IServiceCollection AddNewsAdministration(this IServiceCollection services) => services;
}
