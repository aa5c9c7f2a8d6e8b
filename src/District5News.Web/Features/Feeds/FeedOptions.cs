using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Feeds;

/// <summary>The "Feeds" section: the RSS feeds and the sitemaps (docs/residents.md).</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    /// <summary>The sitemap protocol allows at most 50,000 addresses in one file; a smaller page only means more files.</summary>
    [Range(1, 50_000)]
    public int SitemapPageSize { get; set; } = 50_000;

    /// <summary>How many of the newest bulletins a feed carries.</summary>
    [Range(1, 200)]
    public int RssItemCount { get; set; } = 30;
}
