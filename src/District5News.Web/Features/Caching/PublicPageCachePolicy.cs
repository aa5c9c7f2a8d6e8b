using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace District5News.Web.Features.Caching;

/// <summary>
/// Output caching of the public pages (the counted pages and the feeds marked <see cref="PageCachedAttribute"/>, less
/// those marked <see cref="NoPageCacheAttribute"/>).
/// Entries carry <see cref="PublicPages.Tag"/>, so any publishing change evicts them at once, and live no
/// longer than <see cref="PageCacheOptions.Lifetime"/> nor past the next scheduled publication. Only the
/// <c>page</c> query value makes a different page: other query strings (fbclid, utm_...) share one entry.
/// Unlike the default policy this one stores pages whose response gets the counting cookies: those are added by
/// <see cref="CountingMiddleware"/> outside the cache, after the cached copy of the headers was taken, so no
/// browser's cookie is ever stored or replayed. Any other cookie keeps the page out of the cache.
/// </summary>
public sealed class PublicPageCachePolicy(ScheduledPublications schedule, PublicContentVersion version, IOptions<PageCacheOptions> options)
    : IOutputCachePolicy
{
    private static readonly object VersionKey = new();

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata;
        if (!options.Value.Enabled
            || (metadata?.GetMetadata<CountedPageAttribute>() is null && metadata?.GetMetadata<PageCachedAttribute>() is null)
            || metadata.GetMetadata<NoPageCacheAttribute>() is not null
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return;
        }

        var lifetime = options.Value.Lifetime;
        if (await schedule.TimeUntilNextAsync(cancellation) is { } untilNext && untilNext < lifetime)
        {
            lifetime = untilNext;
        }

        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        http.Items[VersionKey] = version.Current;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = metadata?.GetMetadata<PageCachedAttribute>()?.VaryByQuery ?? ["page"];
        foreach (var variation in metadata?.GetOrderedMetadata<IPageCacheVariation>() ?? [])
        {
            context.CacheVaryByRules.VaryByValues[variation.Name] = await variation.ValueAsync(http, cancellation);
        }
        context.Tags.Add(PublicPages.Tag);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || HasForeignCookie(http.Response.Headers.SetCookie)
            || http.Items[VersionKey] is not long seen
            || seen != version.Current)
        {
            // Not a page, a page with someone's cookie, or one rendered from content that changed meanwhile.
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static bool HasForeignCookie(Microsoft.Extensions.Primitives.StringValues setCookies)
    {
        foreach (var cookie in setCookies)
        {
            if (cookie is not null && !CountingCookies.Owns(cookie))
            {
                return true;
            }
        }

        return false;
    }
}
