using District5News.Web.Features.Archive;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Search;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

public static class SiteServiceCollectionExtensions
{
    /// <summary>The public reader site: MVC, its queries and search.</summary>
    public static IServiceCollection AddNewsSite(this IServiceCollection services)
    {
        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

        // Razor would write every Vietnamese letter as &#x...; (three to five times the bytes): keep them as text.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ArchiveQueries>();
        services.AddScoped<ArticleSearch>();
        services.AddSingleton<SearchResultCache>();
        services.AddSingleton<CategoryDirectory>();
        services.AddNewsPageCache();
        services.AddSingleton<PublicContentCache>();
        services.AddScoped<Features.Admin.DashboardQueries>();
        return services;
    }

    /// <summary>
    /// The output cache of the public pages (see <see cref="PublicPageCachePolicy"/>), whose store is wrapped so
    /// that evicting the public pages' tag also resets what is derived from the old content.
    /// </summary>
    private static IServiceCollection AddNewsPageCache(this IServiceCollection services)
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
        var memoryStore = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(memoryStore);
        services.AddSingleton<IOutputCacheStore>(sp => new ContentChangeAwareOutputCacheStore(
            (IOutputCacheStore)memoryStore.ImplementationFactory!(sp),
            sp.GetRequiredService<PublicContentVersion>(),
            sp.GetRequiredService<VisitCounter>()));
        services.AddSingleton<PublicContentVersion>();
        services.AddSingleton<ScheduledPublications>();
        services.AddSingleton<PublicPageCachePolicy>();
        return services;
    }

    /// <summary>Visit, page-view and bulletin-view counting, buffered in memory and flushed in batches.</summary>
    public static IServiceCollection AddNewsCounting(this IServiceCollection services)
    {
        services.AddOptions<CountingOptions>().BindConfiguration(CountingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VisitCounter>();
        services.AddSingleton<ArticleViewCounting>();
        services.AddHostedService<CounterFlushService>();
        return services;
    }
}
