using District5News.Web.Features.Caching;
using District5News.Web.Features.Feeds;
using District5News.Web.Hosting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>
/// RSS feeds, sitemaps and robots.txt: for feed readers and crawlers, so not page views (no [CountedPage]); kept in the
/// page cache and evicted with it on every content change ([PageCached]). Addresses are absolute from SiteAddress.
/// </summary>
[PageCached]
public sealed class FeedsController(FeedQueries feeds, SiteAddress site) : Controller
{
    private const string RssType = "application/rss+xml; charset=utf-8";
    private const string XmlType = "application/xml; charset=utf-8";

    [HttpGet(SiteRoutes.Rss)]
    public async Task<IActionResult> SiteRss(CancellationToken cancellationToken) =>
        File(FeedXml.Rss(await feeds.GetSiteFeedAsync(cancellationToken), Absolute), RssType);

    [HttpGet(SiteRoutes.CategoryRss)]
    public async Task<IActionResult> CategoryRss(string slug, CancellationToken cancellationToken) =>
        await feeds.GetCategoryFeedAsync(slug, cancellationToken) is { } channel
            ? File(FeedXml.Rss(channel, Absolute), RssType)
            : NotFound();

    [HttpGet(SiteRoutes.Sitemap)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken) =>
        File(FeedXml.SitemapIndex(await feeds.GetSitemapFilesAsync(cancellationToken), Absolute), XmlType);

    [HttpGet(SiteRoutes.SitemapPage)]
    public async Task<IActionResult> SitemapPage(int page, CancellationToken cancellationToken) =>
        await feeds.GetSitemapPageAsync(page, cancellationToken) is { } entries
            ? File(FeedXml.SitemapPage(entries, Absolute), XmlType)
            : NotFound();

    [HttpGet(SiteRoutes.NewsSitemap)]
    public async Task<IActionResult> NewsSitemap(CancellationToken cancellationToken) =>
        File(FeedXml.NewsSitemap(await feeds.GetNewsSitemapAsync(cancellationToken), await feeds.GetPublicationNameAsync(cancellationToken), Absolute), XmlType);

    [HttpGet(SiteRoutes.Robots)]
    public IActionResult Robots() => Content(FeedXml.Robots(Absolute), "text/plain; charset=utf-8");

    private string Absolute(string path) => site.Absolute(Request, path);
}
