using System.Globalization;
using District5News.Web.Routing;
namespace District5News.Web.Features.Articles;

/// <summary>A bulletin as it appears in any list: home, category, day, search, TIN MỚI HƠN / TIN ĐÃ ĐƯA.</summary>
public sealed record ArticleListItem(
    int Id,
    string Title,
    string Slug,
    string Lead,
    DateTime PublishedAtUtc,
    string CategoryName,
    string CategorySlug,
    bool CategoryHidden = false,
    string? CoverImagePath = null,
    string? UnitName = null,
    string? UnitSlug = null,
    int UnitId = 0,
    string? CoverWidths = null)
{
    /// <summary>The cover's stored sizes (null for a cover from before the image pipeline, shown as a plain image).</summary>
    public Photos.ResponsiveImage? Cover => Photos.ResponsiveImage.FromCover(CoverImagePath, CoverWidths);

    public string Url => ArticleUrls.Article(Id, Slug);

    /// <summary>The publishing unit's page; null when the list was read without units.</summary>
    public string? UnitUrl => UnitSlug is null ? null : RouteLink.Fill(SiteRoutes.Unit, ("slug", UnitSlug));

    /// <summary>On a unit's page, a bulletin of a predecessor says so: "Tin của Phường 11 (trước 01/07/2025)".</summary>
    public string? UnitNote { get; init; }

    /// <summary>The category's listing; null when the category is hidden (its listing answers 404, so it is named without a link).</summary>
    public string? CategoryUrl => CategoryHidden ? null : ArticleUrls.Category(CategorySlug);
}

/// <summary>Links to the public pages, filled from the routes in <see cref="SiteRoutes"/>.</summary>
public static class ArticleUrls
{
    public static string Article(int id, string slug) => RouteLink.Fill(SiteRoutes.Article, ("id", id), ("slug", slug));

    public static string Category(string slug, int page = 1) =>
        RouteLink.Fill(SiteRoutes.Category, ("slug", slug)) + (page <= 1 ? string.Empty : $"?page={page}");

    /// <summary>
    /// "Xem tiếp" under an article: the category listing from the bulletin after <paramref name="lastShownId"/>. The
    /// listing resolves it to its page when the link is followed, so the article page does not count its category.
    /// </summary>
    public static string CategoryAfter(string slug, int lastShownId) =>
        RouteLink.Fill(SiteRoutes.Category, ("slug", slug)) + $"?{CategoryAfterParameter}={lastShownId}";

    /// <summary>The query parameter of <see cref="CategoryAfter"/>: "trước" (published before) this bulletin.</summary>
    public const string CategoryAfterParameter = "truoc";

    public static string Day(DateOnly day) =>
        RouteLink.Fill(SiteRoutes.Day, ("year", day.Year.ToString("0000", CultureInfo.InvariantCulture)),
            ("month", day.Month.ToString("00", CultureInfo.InvariantCulture)), ("day", day.Day.ToString("00", CultureInfo.InvariantCulture)));

    public static string Month(int year, int month) =>
        RouteLink.Fill(SiteRoutes.Month, ("year", year.ToString("0000", CultureInfo.InvariantCulture)),
            ("month", month.ToString("00", CultureInfo.InvariantCulture)));

    public static string Search(string query, int page = 1) =>
        SiteRoutes.Search + "?q=" + Uri.EscapeDataString(query) + (page <= 1 ? string.Empty : $"&page={page}");
}
