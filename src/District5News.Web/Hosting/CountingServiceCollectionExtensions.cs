using District5News.Web.Features.Counting;

namespace District5News.Web.Hosting;

public static class CountingServiceCollectionExtensions
{
    /// <summary>Visit, page-view and bulletin-view counting, buffered in memory and flushed in batches.</summary>
    public static IServiceCollection AddNewsCounting(this IServiceCollection services)
    {
        services.AddOptions<CountingOptions>().BindConfiguration(CountingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PendingCounts>();
        services.AddSingleton<StoredTotals>();
        services.AddSingleton<CountReader>();
        services.AddSingleton<CountWriter>();
        services.AddSingleton<VisitCounter>();
        services.AddPublicContentChangeHandler<VisitCounter>();
        services.AddSingleton<ArticleViewCounting>();
        services.AddHostedService<CounterFlushService>();
        return services;
    }
}
