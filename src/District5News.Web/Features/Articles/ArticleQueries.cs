using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Articles;

/// <summary>The reads of the public site: what a resident can see, projected straight into view models.</summary>
public sealed class ArticleQueries(NewsDbContext db, TimeProvider clock)
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

    /// <summary>The current slug of a shown category that once had <paramref name="oldSlug"/> (renamed since); null when none.</summary>
    public Task<string?> FindRenamedCategoryAsync(string oldSlug, CancellationToken cancellationToken) =>
        db.CategoryOldSlugs.AsNoTracking().Where(o => o.Slug == oldSlug)
            .Join(db.Categories.Where(c => !c.IsHidden), o => o.CategoryId, c => c.Id, (_, c) => c.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ArticlePageViewModel?> GetArticlePageAsync(int id, CancellationToken cancellationToken)
    {
        var article = await Visible().Where(a => a.Id == id).Select(a => new
        {
            a.Id, a.Title, a.Slug, a.Lead, a.BodyHtml, a.CoverImagePath,
            CoverWidths = db.Media.Where(m => m.FallbackPath == a.CoverImagePath).Select(m => m.Widths).FirstOrDefault(), PublishedAtUtc = a.PublishedAtUtc!.Value, a.UpdatedAtUtc, a.CategoryId, a.SearchTitle,
            CategoryName = a.Category!.Name, CategorySlug = a.Category.Slug, CategoryHidden = a.Category.IsHidden, a.ByNewsroom,
            UnitName = a.Unit!.Name, UnitSlug = a.Unit.Slug,
            AuthorDisplayName = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var sameCategory = Visible().Where(a => a.CategoryId == article.CategoryId && a.Id != article.Id);

        // Newer: the nearest ones after this bulletin, shown newest first.
        var newer = await ToListItems(sameCategory
                .Where(a => a.PublishedAtUtc > article.PublishedAtUtc || (a.PublishedAtUtc == article.PublishedAtUtc && a.Id > article.Id))
                .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id).Take(NewerCount), Media)
            .ToListAsync(cancellationToken);
        newer.Reverse();

        var olderQuery = sameCategory
            .Where(a => a.PublishedAtUtc < article.PublishedAtUtc || (a.PublishedAtUtc == article.PublishedAtUtc && a.Id < article.Id));
        var older = await ToListItems(olderQuery.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Take(OlderCount + 1), Media)
            .ToListAsync(cancellationToken);

        string? moreOlderUrl = null;
        if (older.Count > OlderCount)
        {
            older.RemoveAt(OlderCount);

            // "Xem tiếp" continues the category list at the page holding the first older bulletin not shown here.
            var newerInCategory = await sameCategory
                .CountAsync(a => a.PublishedAtUtc > article.PublishedAtUtc || (a.PublishedAtUtc == article.PublishedAtUtc && a.Id > article.Id), cancellationToken);
            var positionOfNext = newerInCategory + 1 + OlderCount; // zero-based position in the category list
            moreOlderUrl = ArticleUrls.Category(article.CategorySlug, (positionOfNext / CategoryPageSize) + 1);
        }

        var related = await RelatedArticles.FindAsync(Visible(), Media, article.Id, article.CategoryId, article.SearchTitle,
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
