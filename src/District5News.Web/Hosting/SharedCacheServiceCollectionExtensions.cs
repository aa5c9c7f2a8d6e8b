using District5News.Web.Features.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

public static class SharedCacheServiceCollectionExtensions
{
    /// <summary>
    /// Several instances as one site (docs/decisions/0009): when ConnectionStrings:Redis is set, the page cache lives in
    /// Redis (an eviction on one instance empties it for all) and every content change is relayed to the other
    /// instances. Without it nothing is added: the page cache stays in this process's memory.
    /// </summary>
    public static IServiceCollection AddNewsSharedCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            return services;
        }

        services.AddSingleton(new RedisConnection(redis));
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<RedisConnection, IOptions<PageCacheOptions>>((o, connection, page) =>
            {
                o.ConnectionMultiplexerFactory = connection.GetAsync;
                o.InstanceName = page.Value.RedisKeyPrefix + "pages:";
            });

        // The Redis store, wrapped so that Redis away means "not cached" rather than an error page.
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new FailSafeOutputCacheStore(
            store.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
            sp.GetRequiredService<ILogger<FailSafeOutputCacheStore>>()));

        services.AddSingleton<RedisContentChangeRelay>();
        services.AddSingleton<IContentChangeRelay>(sp => sp.GetRequiredService<RedisContentChangeRelay>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisContentChangeRelay>());
        return services;
    }
}
