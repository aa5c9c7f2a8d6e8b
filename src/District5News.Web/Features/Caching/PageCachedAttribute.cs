namespace District5News.Web.Features.Caching;

/// <summary>
/// Puts a public resource that is not a page view (the feeds, the sitemaps, robots.txt) in the page cache, with the
/// same tag and lifetime as the counted pages, so every content change evicts it. Counting never sees these: they
/// carry no <see cref="Counting.CountedPageAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PageCachedAttribute : Attribute
{
    /// <summary>
    /// The query values that make a different answer (the web service's filters); any other query string shares one
    /// copy. Pages vary by <c>page</c> only.
    /// </summary>
    public string[] VaryByQuery { get; set; } = ["page"];
}
