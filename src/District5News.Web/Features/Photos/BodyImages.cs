using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using District5News.Web.Data;
using District5News.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Photos;

/// <summary>
/// Photos in a body as residents get them. The editor inserts a plain <c>&lt;img src alt&gt;</c> naming one of our
/// photos; on save, before the sanitizer runs (docs/security/xss.md: transform first, sanitize last), each such image
/// becomes a <c>&lt;picture&gt;</c> with a WebP <c>srcset</c>, a JPEG <c>srcset</c> and <c>src</c>, <c>sizes</c>, its
/// width and height and <c>loading="lazy"</c>, written from the photo's <see cref="Data.Entities.Media"/> record — never
/// from what the browser sent. The result is stored, so a page, a feed or a preview shows it without asking the
/// database again (ADR 8).
/// </summary>
public sealed class BodyImages(NewsDbContext db)
{
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>The body with each of our photos in its responsive form; other text is handed on as it came.</summary>
    public async Task<string?> ExpandAsync(string? body, CancellationToken cancellationToken)
    {
        if (body is null || body.IndexOf("<img", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return body;
        }

        var root = Parser.Value!.ParseDocument(string.Empty).Body!;
        root.InnerHtml = body;
        var images = root.QuerySelectorAll("img")
            .Select(img => (Element: img, Key: MediaPaths.KeyOf(img.GetAttribute("src"))))
            .Where(i => i.Key is not null)
            .ToList();
        if (images.Count == 0)
        {
            return body;
        }

        var keys = images.Select(i => i.Key!).Distinct().ToList();
        var photos = (await db.Media.AsNoTracking().Where(m => keys.Contains(m.Key))
                .Select(m => new { m.Key, m.Widths, m.Width, m.Height }).ToListAsync(cancellationToken))
            .DistinctBy(m => m.Key)
            .ToDictionary(m => m.Key, m => new ResponsiveImage(m.Key, ResponsiveImage.ParseWidths(m.Widths), m.Width, m.Height));

        foreach (var (element, key) in images)
        {
            if (photos.TryGetValue(key!, out var photo) && photo.Widths.Count > 0)
            {
                Replace(element, photo);
            }
        }

        return root.InnerHtml;
    }

    /// <summary>How many images of <paramref name="body"/> have no alternative text (the save is refused while any has none).</summary>
    public static int CountWithoutAlt(SanitizedHtml body)
    {
        if (body.Html.IndexOf("<img", StringComparison.Ordinal) < 0)
        {
            return 0;
        }

        var root = Parser.Value!.ParseDocument(string.Empty).Body!;
        root.InnerHtml = body.Html;
        return root.QuerySelectorAll("img").Count(img => string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
    }

    public static string MissingAltMessage(int count) =>
        $"{(count == 1 ? "Một ảnh" : $"{count} ảnh")} trong nội dung chưa có mô tả ảnh (văn bản thay thế) cho người không xem được ảnh. "
        + "Hãy xóa ảnh đó rồi chèn lại bằng nút “Chèn ảnh” và nhập mô tả.";

    private static void Replace(IElement image, ResponsiveImage photo)
    {
        var document = image.Owner!;
        var alt = image.GetAttribute("alt") ?? string.Empty;

        var picture = document.CreateElement("picture");
        var source = document.CreateElement("source");
        source.SetAttribute("type", "image/webp");
        source.SetAttribute("srcset", photo.SrcSet(PhotoFormat.WebP));
        source.SetAttribute("sizes", ResponsiveImage.BodySizes);
        picture.AppendChild(source);

        var img = document.CreateElement("img");
        img.SetAttribute("src", photo.Src);
        img.SetAttribute("srcset", photo.SrcSet(PhotoFormat.Jpeg));
        img.SetAttribute("sizes", ResponsiveImage.BodySizes);
        img.SetAttribute("width", photo.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        img.SetAttribute("height", photo.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
        img.SetAttribute("alt", alt);
        img.SetAttribute("loading", "lazy");
        img.SetAttribute("decoding", "async");
        picture.AppendChild(img);

        // A body saved before (or posted back as stored, without JavaScript) already has the picture: rebuild it whole.
        var target = image.ParentElement is { LocalName: "picture" } existing ? existing : image;
        target.Replace(picture);
    }
}
