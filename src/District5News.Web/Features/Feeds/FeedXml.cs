using System.Text;
using System.Xml;
using System.Xml.Linq;
using District5News.Web.Features.Sharing;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;

namespace District5News.Web.Features.Feeds;

/// <summary>
/// Writes the RSS 2.0 feeds, the sitemap index, its pages and the news sitemap. Every address is absolute, made by
/// <c>absolute</c> (SiteAddress: the configured Site:BaseUrl, never a forged Host). Times are Vietnam time with
/// their offset. Nothing here reads the clock, so the same content always gives the same bytes.
/// </summary>
public static class FeedXml
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    public static byte[] Rss(FeedChannel channel, Func<string, string> absolute)
    {
        var home = absolute(channel.Path);
        var content = new XElement("channel",
            new XElement("title", channel.Title),
            new XElement("link", home),
            new XElement("description", channel.Description),
            new XElement("language", "vi"),
            new XElement(Atom + "link", new XAttribute("href", absolute(channel.SelfPath)), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")),
            new XElement("image",
                new XElement("url", absolute(SharePreview.SiteImagePath)),
                new XElement("title", channel.Title),
                new XElement("link", home)));
        if (channel.Items.Count > 0)
        {
            content.Add(new XElement("lastBuildDate", VietnamTime.Rfc822(channel.Items.Max(i => i.ModifiedAtUtc))));
        }

        foreach (var item in channel.Items)
        {
            var link = absolute(item.Url);
            content.Add(new XElement("item",
                new XElement("title", item.Title),
                new XElement("link", link),
                new XElement("guid", new XAttribute("isPermaLink", "true"), link),
                new XElement("description", item.Lead),
                new XElement("category", item.CategoryName),
                new XElement("pubDate", VietnamTime.Rfc822(item.PublishedAtUtc))));
        }

        return Write(new XElement("rss", new XAttribute("version", "2.0"), new XAttribute(XNamespace.Xmlns + "atom", Atom), content));
    }

    public static byte[] SitemapIndex(IEnumerable<SitemapFile> files, Func<string, string> absolute) =>
        Write(new XElement(Sitemap + "sitemapindex",
            files.Select(f => new XElement(Sitemap + "sitemap",
                new XElement(Sitemap + "loc", absolute(f.Path)),
                f.LastModifiedUtc is { } changed ? new XElement(Sitemap + "lastmod", VietnamTime.Iso8601(changed)) : null))));

    public static byte[] SitemapPage(IEnumerable<SitemapEntry> entries, Func<string, string> absolute) =>
        Write(new XElement(Sitemap + "urlset",
            entries.Select(e => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", absolute(e.Path)),
                e.LastModifiedUtc is { } changed ? new XElement(Sitemap + "lastmod", VietnamTime.Iso8601(changed)) : null))));

    public static byte[] NewsSitemap(IEnumerable<FeedItem> items, string publicationName, Func<string, string> absolute) =>
        Write(new XElement(Sitemap + "urlset", new XAttribute(XNamespace.Xmlns + "news", News),
            items.Select(i => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", absolute(i.Url)),
                new XElement(News + "news",
                    new XElement(News + "publication",
                        new XElement(News + "name", publicationName),
                        new XElement(News + "language", "vi")),
                    new XElement(News + "publication_date", VietnamTime.Iso8601(i.PublishedAtUtc)),
                    new XElement(News + "title", i.Title))))));

    /// <summary>robots.txt: the staff pages are not for crawlers; the sitemap index is named by its absolute address.</summary>
    public static string Robots(Func<string, string> absolute) =>
        new StringBuilder()
            .Append("# The public pages may be crawled; the staff pages may not.\n")
            .Append("User-agent: *\n")
            .Append("Disallow: ").Append(AdminRoutes.Area).Append('\n')
            .Append("Disallow: ").Append(AccountRoutes.Area).Append("/\n")
            .Append('\n')
            .Append("Sitemap: ").Append(absolute(SiteRoutes.Sitemap)).Append('\n')
            .ToString();

    private static byte[] Write(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return stream.ToArray();
    }
}
