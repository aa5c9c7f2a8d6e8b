using District5News.Web.Features.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

public static class PageCacheServiceCollectionExtensions
{
    /// <summary>
    /// The page cache of the public pages (<see cref="PublicPageCachePolicy"/>) and the content-change event that
    /// keeps it, and everything else derived from public content, current (<see cref="PublicContentChanges"/>).
    /// </summary>
    public static IServiceCollection AddNewsPageCache(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>>((o, page) =>
        {
            o.SizeLimit = page.Value.SizeLimitMegabytes * 1024L * 1024L;
            o.DefaultExpirationTimeSpan = page.Value.Lifetime;

            // Paths are case-sensitive here: /tin-tuc/1/SLUG answers 301, not the cached page of /tin-tuc/1/slug.
            o.UseCaseSensitivePaths = true;
            o.AddBasePolicy(b => b.AddPolicy<PublicPageCachePolicy>(), excludeDefaultPolicy: true);
        });
        services.AddOutputCache();
        services.AddSingleton<PublicContentVersion>();
        services.AddSingleton<PublicContentChanges>();
        services.AddSingleton<PublicPages>();
        services.AddPublicContentChangeHandler<PublicPages>();
        services.AddSingleton<ScheduledPublications>();
        services.AddSingleton<PublicPageCachePolicy>();
        return services;
    }

    /// <summary>Lets the singleton <typeparamref name="THandler"/> react to every public content change.</summary>
    public static IServiceCollection AddPublicContentChangeHandler<THandler>(this IServiceCollection services)
        where THandler : class, IPublicContentChangeHandler =>
        services.AddSingleton<IPublicContentChangeHandler>(sp => sp.GetRequiredService<THandler>());
}
