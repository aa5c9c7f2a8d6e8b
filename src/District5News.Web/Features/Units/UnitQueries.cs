using District5News.Web.Features.Articles;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Units;

/// <summary>A unit named on another unit's page (its predecessors, the ward that took it over).</summary>
public sealed record UnitLink(string Name, string Url);

/// <summary>
/// A unit's public page: its bulletins and its predecessors' (each marked), what it is (the district's archive, an old
/// ward and who took it over, a current ward and whom it took over).
/// </summary>
public sealed record UnitPageViewModel(
    string Slug,
    string Title,
    string Name,
    bool IsArchive,
    string? Period,
    UnitLink? TakenOverBy,
    string? TakenOverSentence,
    IReadOnlyList<UnitLink> Predecessors,
    PagedList<ArticleListItem> Articles)
{
    public string PageUrl(int page) => UnitUrls.Unit(Slug, page);
}

/// <summary>A ward the home page's picker offers.</summary>
public sealed record UnitChoice(string Slug, string Name, bool Selected);

/// <summary>The home page's section of the ward a resident picked: its latest bulletins, its predecessors' included.</summary>
public sealed record WardSection(string Slug, string Name, string Url, IReadOnlyList<ArticleListItem> Items);

/// <summary>The reads behind the units' public pages and the home page's ward section.</summary>
public sealed class UnitQueries(ArticleQueries articles, UnitDirectory units)
{
    public const int PageSize = 10;
    public const int HomeCount = 5;

    /// <summary>The page of <paramref name="slug"/>; null when there is no such unit.</summary>
    public async Task<UnitPageViewModel?> GetPageAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        if (snapshot.BySlug(slug) is not { } unit)
        {
            return null;
        }

        var list = await ListAsync(snapshot, unit, articles.Media, articles.Visible().OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id), page, PageSize, cancellationToken);
        var successor = snapshot.SuccessorOf(unit.Id);
        string? takenOver = null;
        if (successor is not null)
        {
            var since = unit.EndedOn is { } ended ? $" từ {VietnameseFormat.Date(ended)}" : string.Empty;
            var basis = unit.Basis is { Length: > 0 } b ? $" theo {b}" : string.Empty;
            takenOver = $"{unit.Name} đã được sáp nhập vào {successor.Name}{since}{basis}. Tin của {unit.Name} cũng có trong trang của {successor.Name}.";
        }

        return new UnitPageViewModel(
            unit.Slug,
            unit.Title,
            unit.Name,
            unit.Kind == Data.Entities.PublishingUnitKind.District,
            Period(unit),
            successor is null ? null : new UnitLink(successor.Name, successor.Url),
            takenOver,
            snapshot.PredecessorsOf(unit.Id).OrderBy(u => u.SortOrder).Select(u => new UnitLink(u.Name, u.Url)).ToList(),
            list);
    }

    /// <summary>The home page, with the section of the ward <paramref name="wardSlug"/> (already validated, or null) first.</summary>
    public async Task<HomePageViewModel> GetHomeAsync(string? wardSlug, CancellationToken cancellationToken)
    {
        var home = await articles.GetHomeAsync(cancellationToken);
        var snapshot = await units.GetAsync(cancellationToken);
        return home with
        {
            Ward = await GetWardSectionAsync(wardSlug, cancellationToken),
            WardChoices = snapshot.CurrentWards.Select(w => new UnitChoice(w.Slug, w.Name, w.Slug == wardSlug)).ToList(),
        };
    }

    /// <summary>The latest bulletins of the ward <paramref name="slug"/> and its predecessors, for the home page; null when it is not a current ward.</summary>
    public async Task<WardSection?> GetWardSectionAsync(string? slug, CancellationToken cancellationToken)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        if (snapshot.CurrentWards.FirstOrDefault(w => w.Slug == slug) is not { } ward)
        {
            return null;
        }

        var list = await ListAsync(snapshot, ward, articles.Media, articles.Visible().OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id), 1, HomeCount, cancellationToken);
        return new WardSection(ward.Slug, ward.Name, ward.Url, list.Items);
    }

    private static async Task<PagedList<ArticleListItem>> ListAsync(
        UnitSnapshot snapshot, UnitInfo unit, IQueryable<Data.Entities.Media> media, IQueryable<Data.Entities.Article> visible, int page, int pageSize, CancellationToken cancellationToken)
    {
        var family = snapshot.FamilyOf(unit.Id).ToList();
        var list = await ArticleQueries.ToListItems(visible.Where(a => family.Contains(a.UnitId)), media).ToPagedListAsync(page, pageSize, cancellationToken);
        var marked = list.Items
            .Select(item => item.UnitId == unit.Id || snapshot.ById(item.UnitId) is not { } from ? item : item with { UnitNote = from.PredecessorNote })
            .ToList();
        return new PagedList<ArticleListItem>(marked, list.PageNumber, list.PageSize, list.TotalItemCount);
    }

    private static string? Period(UnitInfo unit) => (unit.ActiveFrom, unit.ActiveUntil) switch
    {
        ({ } from, { } until) => $"Hoạt động từ {VietnameseFormat.Date(from)} đến {VietnameseFormat.Date(until)}",
        (null, { } until) => $"Hoạt động đến {VietnameseFormat.Date(until)}",
        ({ } from, null) => $"Hoạt động từ {VietnameseFormat.Date(from)}",
        _ => null,
    };
}
