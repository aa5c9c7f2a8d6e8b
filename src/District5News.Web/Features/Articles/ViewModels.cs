using District5News.Web.Features.Paging;

namespace District5News.Web.Features.Articles;

public sealed record HomeSection(string CategoryName, string CategorySlug, IReadOnlyList<ArticleListItem> Items);

public sealed record HomePageViewModel(IReadOnlyList<ArticleListItem> Latest, IReadOnlyList<HomeSection> Sections)
{
    /// <summary>The ward the resident picked, shown first; null when none is picked.</summary>
    public Units.WardSection? Ward { get; init; }

    /// <summary>The wards the picker offers (the current wards).</summary>
    public IReadOnlyList<Units.UnitChoice> WardChoices { get; init; } = [];
}

public sealed record CategoryPageViewModel(string CategoryName, string CategorySlug, PagedList<ArticleListItem> Articles);

public sealed record ArticlePageViewModel
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public required string Slug { get; init; }

    public required string Lead { get; init; }

    public required string BodyHtml { get; init; }

    public string? CoverImagePath { get; init; }

    /// <summary>The cover's stored widths, from its photo record (null for a cover from before the image pipeline).</summary>
    public string? CoverWidths { get; init; }

    public Photos.ResponsiveImage? Cover => Photos.ResponsiveImage.FromCover(CoverImagePath, CoverWidths);

    public required DateTime PublishedAtUtc { get; init; }

    /// <summary>The last change: the last save, or the publication when that came later.</summary>
    public required DateTime ModifiedAtUtc { get; init; }

    public required string CategoryName { get; init; }

    public required string CategorySlug { get; init; }

    public bool CategoryHidden { get; init; }

    /// <summary>The author's display name or "Ban biên tập" (<see cref="Bylines"/>); never an e-mail address.</summary>
    public required string Byline { get; init; }

    /// <summary>The publishing unit, shown as the publisher line ("Đơn vị đăng tin: Phường Chợ Lớn").</summary>
    public string? UnitName { get; init; }

    public string? UnitSlug { get; init; }

    public string? UnitUrl => UnitSlug is null ? null : Routing.RouteLink.Fill(Routing.SiteRoutes.Unit, ("slug", UnitSlug));

    public required IReadOnlyList<ArticleListItem> Newer { get; init; }

    public required IReadOnlyList<ArticleListItem> Older { get; init; }

    public string? MoreOlderUrl { get; init; }

    /// <summary>"TIN LIÊN QUAN": same category, shared title words (<see cref="RelatedArticles"/>).</summary>
    public IReadOnlyList<ArticleListItem> Related { get; init; } = [];

    public string Url => ArticleUrls.Article(Id, Slug);
}
