using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Articles;

/// <summary>The reads of the public site: what a resident can see, projected straight into view models.</summary>
public sealed class ArticleQueries(NewsDbContext db, TimeProvider clock, VisitCounter counter)
{
    public const int CategoryPageSize = 10;
    public const int NewerCount = 5;
    public const int OlderCount = 10;
    public const int HomePerCategory = 5;

    /// <summary>Published, not in the trash, and its publication time has come (scheduled ones appear by themselves).</summary>
    public IQueryable<Article> Visible()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().Where(ArticleVisibility.VisibleAt(now));
    }

    /// <summary>The photo records covers are looked up in (<see cref="ToListItems"/>).</summary>
    public IQueryable<Media> Media => db.Media.AsNoTracking();

    /// <summary>Bulletins as list items; a cover's stored widths come from its photo record in <paramref name="media"/>, for its srcset.</summary>
    public static IQueryable<ArticleListItem> ToListItems(IQueryable<Article> articles, IQueryable<Media> media) =>
        articles.Select(a => new ArticleListItem(
            a.Id, a.Title, a.Slug, a.Lead, a.PublishedAtUtc!.Value, a.Category!.Name, a.Category.Slug, a.Category.IsHidden, a.CoverImagePath,
            a.Unit!.Name, a.Unit.Slug, a.UnitId,
            media.Where(m => m.FallbackPath == a.CoverImagePath).Select(m => m.Widths).FirstOrDefault()));

    public async Task<HomePageViewModel> GetHomeAsync(CancellationToken cancellationToken)
    {
        var latest = await ToListItems(Visible().OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(5), Media)
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => !c.IsHidden).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(cancellationToken);

        var sections = new List<HomeSection>();
        foreach (var category in categories)
        {
            var items = await ToListItems(Visible().Where(a => a.CategoryId == category.Id)
                    .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(HomePerCategory), Media)
                .ToListAsync(cancellationToken);
            if (items.Count > 0)
            {
                sections.Add(new HomeSection(category.Name, category.Slug, items));
            }
        }

        return new HomePageViewModel(latest, sections);
    }

    /// <summary>A category's listing; null when there is no such category or it is hidden.</summary>
    public async Task<CategoryPageViewModel?> GetCategoryPageAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == slug && !c.IsHidden)
            .Select(c => new { c.Id, c.Name, c.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return null;
        }

        var list = await ToListItems(Visible().Where(a => a.CategoryId == category.Id)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id), Media)
            .ToPagedListAsync(page, CategoryPageSize, cancellationToken);
        return new CategoryPageViewModel(category.Name, category.Slug, list);
    }

    /// <summary>
    /// The page of the category <paramref name="slug"/> that holds the bulletin listed right after
    /// <paramref name="articleId"/> (the target of <see cref="ArticleUrls.CategoryAfter"/>); 1 when that bulletin is not
    /// (or no longer) listed in the category.
    /// </summary>
    public async Task<int> CategoryPageAfterAsync(string slug, int articleId, CancellationToken cancellationToken)
    {
        var shown = await Visible().Where(a => a.Id == articleId && a.Category!.Slug == slug)
            .Select(a => new { a.CategoryId, PublishedAtUtc = a.PublishedAtUtc!.Value }).FirstOrDefaultAsync(cancellationToken);
        if (shown is null)
        {
            return 1;
        }

        var inCategory = Visible().Where(a => a.CategoryId == shown.CategoryId);
        var before = await inCategory.CountAsync(
            PublishedAfter(shown.PublishedAtUtc, articleId),
            cancellationToken);
        var anyAfter = await inCategory.AnyAsync(
            PublishedBefore(shown.PublishedAtUtc, articleId),
            cancellationToken);

        // Zero-based positions, newest first: the shown bulletin is at "before", the next one right after it. With
        // nothing after it, the shown bulletin's own page (the last one).
        var position = anyAfter ? before + 1 : before;
        return (position / CategoryPageSize) + 1;
    }

    /// <summary>The current slug of a shown category that once had <paramref name="oldSlug"/> (renamed since); null when none.</summary>
    public Task<string?> FindRenamedCategoryAsync(string oldSlug, CancellationToken cancellationToken) =>
        db.CategoryOldSlugs.AsNoTracking().Where(o => o.Slug == oldSlug)
            .Join(db.Categories.Where(c => !c.IsHidden), o => o.CategoryId, c => c.Id, (_, c) => c.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>TIN MỚI HƠN: the <see cref="NewerCount"/> bulletins of the category published right after this one, oldest first.</summary>
    internal static IQueryable<Article> NewerInCategory(IQueryable<Article> visible, int categoryId, DateTime publishedAtUtc, int id) =>
        visible.Where(a => a.CategoryId == categoryId).Where(PublishedAfter(publishedAtUtc, id))
            .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id).Take(NewerCount);

    /// <summary>TIN ĐÃ ĐƯA: the <see cref="OlderCount"/> bulletins of the category published right before this one, and one more to tell whether the list goes on.</summary>
    internal static IQueryable<Article> OlderInCategory(IQueryable<Article> visible, int categoryId, DateTime publishedAtUtc, int id) =>
        visible.Where(a => a.CategoryId == categoryId).Where(PublishedBefore(publishedAtUtc, id))
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(OlderCount + 1);

    /// <summary>
    /// Bulletins listed before (newer than) the one published at <paramref name="at"/> with <paramref name="id"/>, in
    /// publication order (time, then id). The bound on the time alone says the same as the condition after it, but an
    /// index on publication time can start at it: without it PostgreSQL read the index from one end, filtering about
    /// half a category's bulletins (about 190 ms per article page under load at 100,000) to find the five nearest.
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Article, bool>> PublishedAfter(DateTime at, int id) =>
        a => a.PublishedAtUtc >= at && (a.PublishedAtUtc > at || a.Id > id);

    /// <summary>Bulletins listed after (older than) the one published at <paramref name="at"/> with <paramref name="id"/>; see <see cref="PublishedAfter"/>.</summary>
    private static System.Linq.Expressions.Expression<Func<Article, bool>> PublishedBefore(DateTime at, int id) =>
        a => a.PublishedAtUtc <= at && (a.PublishedAtUtc < at || a.Id < id);

    /// <summary>The article page's own row: the bulletin if residents can see it, with its stored views.</summary>
    private IQueryable<ArticleRow> ArticleRowOf(int id) => Visible().Where(a => a.Id == id).Select(a => new ArticleRow
    {
        Id = a.Id, Title = a.Title, Slug = a.Slug, Lead = a.Lead, BodyHtml = a.BodyHtml, CoverImagePath = a.CoverImagePath,
        CoverWidths = db.Media.Where(m => m.FallbackPath == a.CoverImagePath).Select(m => m.Widths).FirstOrDefault(),
        PublishedAtUtc = a.PublishedAtUtc!.Value, UpdatedAtUtc = a.UpdatedAtUtc, CategoryId = a.CategoryId, SearchTitle = a.SearchTitle,
        CategoryName = a.Category!.Name, CategorySlug = a.Category.Slug, CategoryHidden = a.Category.IsHidden, ByNewsroom = a.ByNewsroom,
        UnitName = a.Unit!.Name, UnitSlug = a.Unit.Slug,
        AuthorDisplayName = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
        StoredViews = a.ImportedViews + a.Views,
    });

    private sealed class ArticleRow
    {
        public int Id { get; init; }
        public required string Title { get; init; }
        public required string Slug { get; init; }
        public required string Lead { get; init; }
        public required string BodyHtml { get; init; }
        public string? CoverImagePath { get; init; }
        public string? CoverWidths { get; init; }
        public DateTime PublishedAtUtc { get; init; }
        public DateTime UpdatedAtUtc { get; init; }
        public int CategoryId { get; init; }
        public required string SearchTitle { get; init; }
        public required string CategoryName { get; init; }
        public required string CategorySlug { get; init; }
        public bool CategoryHidden { get; init; }
        public bool ByNewsroom { get; init; }
        public required string UnitName { get; init; }
        public required string UnitSlug { get; init; }
        public string? AuthorDisplayName { get; init; }
        public long StoredViews { get; init; }
    }

    public async Task<ArticlePageViewModel?> GetArticlePageAsync(int id, CancellationToken cancellationToken)
    {
        // The row carries the bulletin's stored views too: the counter keeps them, and the page's view count needs no
        // query of its own.
        var article = await counter.ReadAlongWithArticleViewsAsync(id, async ct =>
        {
            var row = await ArticleRowOf(id).FirstOrDefaultAsync(ct);
            return (row, row?.StoredViews);
        }, cancellationToken);
        if (article is null)
        {
            return null;
        }

        // Newer: the nearest ones after this bulletin, shown newest first.
        var newer = await ToListItems(NewerInCategory(Visible(), article.CategoryId, article.PublishedAtUtc, article.Id), Media)
            .ToListAsync(cancellationToken);
        newer.Reverse();

        var older = await ToListItems(OlderInCategory(Visible(), article.CategoryId, article.PublishedAtUtc, article.Id), Media)
            .ToListAsync(cancellationToken);

        // "Xem tiếp" continues the category list after the last older bulletin shown here; the listing finds its page
        // when the link is followed (CategoryPageAfterAsync), so this page does not count the category.
        string? moreOlderUrl = null;
        if (older.Count > OlderCount)
        {
            older.RemoveAt(OlderCount);
            moreOlderUrl = ArticleUrls.CategoryAfter(article.CategorySlug, older[^1].Id);
        }

        var related = await RelatedArticles.FindAsync(Visible(), db.Articles.AsNoTracking(), Media, article.Id, article.CategoryId, article.SearchTitle,
            [.. newer.Select(n => n.Id), .. older.Select(o => o.Id)], cancellationToken);

        return new ArticlePageViewModel
        {
            Id = article.Id,
            Title = article.Title,
            Slug = article.Slug,
            Lead = article.Lead,
            BodyHtml = article.BodyHtml,
            CoverImagePath = article.CoverImagePath,
            CoverWidths = article.CoverWidths,
            PublishedAtUtc = article.PublishedAtUtc,
            ModifiedAtUtc = article.UpdatedAtUtc > article.PublishedAtUtc ? article.UpdatedAtUtc : article.PublishedAtUtc,
            CategoryName = article.CategoryName,
            CategorySlug = article.CategorySlug,
            CategoryHidden = article.CategoryHidden,
            Byline = Bylines.For(article.ByNewsroom, article.AuthorDisplayName),
            UnitName = article.UnitName,
            UnitSlug = article.UnitSlug,
            Newer = newer,
            Older = older,
            MoreOlderUrl = moreOlderUrl,
            Related = related,
        };
    }
}
