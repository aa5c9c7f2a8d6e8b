using District5News.Web.Features.Articles;

namespace District5News.Web.Features.Feeds;

/// <summary>A bulletin as the feeds and sitemaps carry it.</summary>
public sealed record FeedItem(
    int Id,
    string Title,
    string Slug,
    string Lead,
    DateTime PublishedAtUtc,
    DateTime ModifiedAtUtc,
    string CategoryName,
    string? CoverImagePath)
{
    public string Url => ArticleUrls.Article(Id, Slug);
}

/// <summary>One RSS channel: the whole site or one category.</summary>
/// <param name="Path">The page the channel stands for (home or the category page).</param>
/// <param name="SelfPath">The feed's own address.</param>
public sealed record FeedChannel(string Title, string Description, string Path, string SelfPath, IReadOnlyList<FeedItem> Items);

/// <summary>One address of a sitemap page, with when it last changed (null when nothing says).</summary>
public sealed record SitemapEntry(string Path, DateTime? LastModifiedUtc);

/// <summary>One file the sitemap index names.</summary>
public sealed record SitemapFile(string Path, DateTime? LastModifiedUtc);
