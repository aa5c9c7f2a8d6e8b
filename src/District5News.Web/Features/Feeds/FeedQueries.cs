using System.Linq.Expressions;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Agency;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Feeds;

/// <summary>
/// What the RSS feeds and the sitemaps list: only what a resident can see (<see cref="ArticleQueries.Visible"/>).
/// Sitemap pages hold the home page and the category pages first, then every bulletin in id order, cut into files of
/// <see cref="FeedOptions.SitemapPageSize"/> addresses, so a new bulletin only ever changes the last file.
/// </summary>
public sealed class FeedQueries(NewsDbContext db, ArticleQueries articles, SiteSettingsCache settings, TimeProvider clock, IOptions<FeedOptions> options)
{
    /// <summary>A news sitemap lists what was published in the last two days (Google News' rule).</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);

    /// <summary>A news sitemap holds at most 1,000 addresses.</summary>
    public const int NewsSitemapLimit = 1000;

    /// <summary>When a bulletin last changed: its last save, or its publication when that came later (scheduled, back-dated).</summary>
    private static readonly Expression<Func<Article, DateTime>> Modified =
        a => a.UpdatedAtUtc > a.PublishedAtUtc!.Value ? a.UpdatedAtUtc : a.PublishedAtUtc!.Value;

    private int PageSize => options.Value.SitemapPageSize;

    public async Task<FeedChannel> GetSiteFeedAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        return new(site.SiteName, site.Description, SiteRoutes.Home, SiteRoutes.Rss, await ItemsAsync(articles.Visible(), cancellationToken));
    }

    /// <summary>The name the news sitemap gives the publication: the site's.</summary>
    public async Task<string> GetPublicationNameAsync(CancellationToken cancellationToken) => (await settings.GetAsync(cancellationToken)).SiteName;

    /// <summary>The category's feed, or null when there is no such category.</summary>
    public async Task<FeedChannel?> GetCategoryFeedAsync(string slug, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Name, c.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return null;
        }

        var siteName = (await settings.GetAsync(cancellationToken)).SiteName;
        return new FeedChannel(
            $"{category.Name} – {siteName}",
            $"Bản tin mới của chuyên mục {category.Name}, {siteName}.",
            ArticleUrls.Category(category.Slug),
            FeedUrls.CategoryRss(category.Slug),
            await ItemsAsync(articles.Visible().Where(a => a.CategoryId == category.Id), cancellationToken));
    }

    /// <summary>The files the sitemap index names: the numbered pages, and the news sitemap when it has anything.</summary>
    public async Task<IReadOnlyList<SitemapFile>> GetSitemapFilesAsync(CancellationToken cancellationToken)
    {
        var fixedEntries = await FixedEntriesAsync(cancellationToken);
        var articleCount = await articles.Visible().CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling((fixedEntries.Count + (double)articleCount) / PageSize));

        var files = new List<SitemapFile>(pageCount + 1);
        for (var page = 1; page <= pageCount; page++)
        {
            var (fixedPart, skip, take) = Slice(fixedEntries, page);
            var articlesChanged = take == 0
                ? null
                : await articles.Visible().OrderBy(a => a.Id).Skip(skip).Take(take).Select(Modified)
                    .Select(d => (DateTime?)d).MaxAsync(cancellationToken);
            files.Add(new SitemapFile(FeedUrls.SitemapPage(page), Latest(fixedPart.Select(e => e.LastModifiedUtc).Append(articlesChanged))));
        }

        var news = await NewsQuery().Select(a => (DateTime?)a.PublishedAtUtc).MaxAsync(cancellationToken);
        if (news is not null)
        {
            files.Add(new SitemapFile(SiteRoutes.NewsSitemap, news));
        }

        return files;
    }

    /// <summary>The addresses of one sitemap page, or null when the page does not exist.</summary>
    public async Task<IReadOnlyList<SitemapEntry>?> GetSitemapPageAsync(int page, CancellationToken cancellationToken)
    {
        if (page < 1)
        {
            return null;
        }

        var fixedEntries = await FixedEntriesAsync(cancellationToken);
        var (fixedPart, skip, take) = Slice(fixedEntries, page);
        var bulletins = take == 0
            ? []
            : await articles.Visible().OrderBy(a => a.Id).Skip(skip).Take(take)
                .Select(a => new { a.Id, a.Slug, a.UpdatedAtUtc, a.PublishedAtUtc }).ToListAsync(cancellationToken);
        if (page > 1 && fixedPart.Count == 0 && bulletins.Count == 0)
        {
            return null;
        }

        return
        [
            .. fixedPart,
            .. bulletins.Select(b => new SitemapEntry(ArticleUrls.Article(b.Id, b.Slug), b.UpdatedAtUtc > b.PublishedAtUtc ? b.UpdatedAtUtc : b.PublishedAtUtc)),
        ];
    }

    /// <summary>The bulletins published in the last two days, newest first.</summary>
    public async Task<IReadOnlyList<FeedItem>> GetNewsSitemapAsync(CancellationToken cancellationToken) =>
        await ToItems(NewsQuery().OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(NewsSitemapLimit))
            .ToListAsync(cancellationToken);

    private IQueryable<Article> NewsQuery()
    {
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        return articles.Visible().Where(a => a.PublishedAtUtc >= since);
    }

    private async Task<IReadOnlyList<FeedItem>> ItemsAsync(IQueryable<Article> source, CancellationToken cancellationToken) =>
        await ToItems(source.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(options.Value.RssItemCount))
            .ToListAsync(cancellationToken);

    private static IQueryable<FeedItem> ToItems(IQueryable<Article> source) =>
        source.Select(a => new FeedItem(
            a.Id, a.Title, a.Slug, a.Lead, a.PublishedAtUtc!.Value,
            a.UpdatedAtUtc > a.PublishedAtUtc!.Value ? a.UpdatedAtUtc : a.PublishedAtUtc!.Value,
            a.Category!.Name, a.CoverImagePath));

    /// <summary>The home page and every category page, each with the last change of what it lists.</summary>
    private async Task<List<SitemapEntry>> FixedEntriesAsync(CancellationToken cancellationToken)
    {
        var changedByCategory = await articles.Visible().GroupBy(a => a.CategoryId)
            .Select(g => new { g.Key, Changed = g.Max(a => a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc) })
            .ToDictionaryAsync(g => g.Key, g => g.Changed, cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken);

        var entries = new List<SitemapEntry>(categories.Count + 1)
        {
            new(SiteRoutes.Home, changedByCategory.Count == 0 ? null : changedByCategory.Values.Max()),
        };
        entries.AddRange(categories.Select(c =>
            new SitemapEntry(ArticleUrls.Category(c.Slug), changedByCategory.TryGetValue(c.Id, out var changed) ? changed : null)));
        return entries;
    }

    /// <summary>Page <paramref name="page"/> of the list "fixed entries, then bulletins in id order".</summary>
    private (IReadOnlyList<SitemapEntry> Fixed, int ArticleSkip, int ArticleTake) Slice(List<SitemapEntry> fixedEntries, int page)
    {
        var start = (long)(page - 1) * PageSize;
        var end = start + PageSize;
        var fixedPart = start >= fixedEntries.Count
            ? []
            : fixedEntries.GetRange((int)start, (int)Math.Min(end, fixedEntries.Count) - (int)start);
        var articleStart = Math.Max(start, fixedEntries.Count) - fixedEntries.Count;
        var articleTake = Math.Max(0, end - Math.Max(start, fixedEntries.Count));
        return articleStart > int.MaxValue ? (fixedPart, 0, 0) : (fixedPart, (int)articleStart, (int)articleTake);
    }

    private static DateTime? Latest(IEnumerable<DateTime?> times) => times.Where(t => t is not null).Max();
}

/// <summary>Links to the feeds and sitemap files, filled from <see cref="SiteRoutes"/>.</summary>
public static class FeedUrls
{
    public static string CategoryRss(string slug) => RouteLink.Fill(SiteRoutes.CategoryRss, ("slug", slug));

    public static string SitemapPage(int page) => RouteLink.Fill(SiteRoutes.SitemapPage, ("page", page));
}
