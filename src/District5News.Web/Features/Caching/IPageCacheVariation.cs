namespace District5News.Web.Features.Caching;

/// <summary>
/// Endpoint metadata: the page differs by a value read from the request (e.g. the ward a resident picked), so the page
/// cache keeps one copy per value. The value must come from a small, validated set, or the cache fills with copies.
/// </summary>
public interface IPageCacheVariation
{
    string Name { get; }

    ValueTask<string> ValueAsync(HttpContext http, CancellationToken cancellationToken);
}
