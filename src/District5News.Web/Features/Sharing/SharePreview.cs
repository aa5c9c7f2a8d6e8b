using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;

namespace District5News.Web.Features.Sharing;

/// <summary>
/// What a page tells Zalo, Facebook and search engines about itself (OpenGraph, Twitter card, JSON-LD), set by a view in
/// <c>ViewData[SharePreview.Key]</c> and written by the layout; pages that set nothing preview as the site. The site's
/// name, description and publisher come from the site settings (Features/Agency/SiteSettingsCache).
/// </summary>
public sealed record SharePreview
{
    public const string Key = "SharePreview";

    /// <summary>The site's own preview picture (1200×630 PNG: Zalo and Facebook do not show SVG).</summary>
    public const string SiteImagePath = "/img/chia-se.png";
    public const int SiteImageWidth = 1200;
    public const int SiteImageHeight = 630;

    /// <summary>The picture names no ward, so it stays true whichever ward runs the portal (site settings).</summary>
    public const string SiteImageAlt = "Ngôi sao vàng trên nền đỏ: Cổng thông tin, Ủy ban nhân dân phường, Thành phố Hồ Chí Minh";
    /// <summary>"website", or "article" for a bulletin.</summary>
    public string Type { get; init; } = "website";

    /// <summary>A raster picture for the preview (a bulletin's cover), or null for the site's picture.</summary>
    public string? ImagePath { get; init; }

    public string? ImageAlt { get; init; }

    public DateTime? PublishedAtUtc { get; init; }

    public DateTime? ModifiedAtUtc { get; init; }

    public string? Section { get; init; }

    /// <summary>A category's own feed, announced beside the site's (autodiscovery).</summary>
    public (string Path, string Title)? CategoryFeed { get; init; }

    /// <summary>JSON-LD blocks, already serialized (see <see cref="StructuredData"/>).</summary>
    public IReadOnlyList<string> JsonLd { get; init; } = [];

    /// <summary>Only JPEG and PNG covers go in the preview: WebP is not shown by every app residents share to.</summary>
    public static string? PreviewImage(string? coverPath) =>
        coverPath is not null && (coverPath.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
            || coverPath.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
            || coverPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            ? coverPath
            : null;
}

/// <summary>The share links under a bulletin: plain links to each network's own share page, no third-party script.</summary>
public static class ShareLinks
{
    public static string Zalo(string absoluteUrl) => "https://zalo.me/share?url=" + Uri.EscapeDataString(absoluteUrl);

    public static string Facebook(string absoluteUrl) => "https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(absoluteUrl);
}

/// <summary>
/// schema.org JSON-LD for a bulletin (NewsArticle, published by a GovernmentOrganization) and the breadcrumbs to it.
/// Serialized with an encoder that escapes &lt;, &gt; and &amp;, so no text can end the &lt;script&gt; element it sits in.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string NewsArticle(ArticlePageViewModel article, DateTime modifiedAtUtc, string publisher, Func<string, string> absolute)
    {
        var home = absolute(SiteRoutes.Home);
        var image = absolute(SharePreview.PreviewImage(article.CoverImagePath) ?? SharePreview.SiteImagePath);
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = article.Lead,
            ["datePublished"] = VietnamTime.Iso8601(article.PublishedAtUtc),
            ["dateModified"] = VietnamTime.Iso8601(modifiedAtUtc),
            ["image"] = new JsonArray(image),
            ["articleSection"] = article.CategoryName,
            ["inLanguage"] = "vi",
            ["mainEntityOfPage"] = absolute(article.Url),
            ["url"] = absolute(article.Url),
            ["author"] = Organization(publisher, home, absolute),
            ["publisher"] = Organization(publisher, home, absolute),
        };
        return node.ToJsonString(Json);
    }

    public static string Breadcrumbs(IEnumerable<(string Name, string Path)> trail, Func<string, string> absolute)
    {
        var items = new JsonArray();
        var position = 1;
        foreach (var (name, path) in trail)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = position++,
                ["name"] = name,
                ["item"] = absolute(path),
            });
        }

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = items,
        }.ToJsonString(Json);
    }

    private static JsonObject Organization(string name, string home, Func<string, string> absolute) => new()
    {
        ["@type"] = "GovernmentOrganization",
        ["name"] = name,
        ["url"] = home,
        ["logo"] = new JsonObject
        {
            ["@type"] = "ImageObject",
            ["url"] = absolute(SharePreview.SiteImagePath),
            ["width"] = SharePreview.SiteImageWidth,
            ["height"] = SharePreview.SiteImageHeight,
        },
    };
}
