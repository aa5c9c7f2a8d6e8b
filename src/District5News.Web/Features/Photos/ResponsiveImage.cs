using System.Globalization;

namespace District5News.Web.Features.Photos;

/// <summary>
/// A stored photo as a page offers it: one <c>srcset</c> per format (WebP for browsers that take it, JPEG as the
/// fallback and as <c>src</c>), the intrinsic size for <c>width</c>/<c>height</c> so nothing jumps while it loads.
/// </summary>
public sealed record ResponsiveImage(string Key, IReadOnlyList<int> Widths, int Width, int Height)
{
    /// <summary>The body column: about 70 characters on a PC, the screen less its margins on a phone.</summary>
    public const string BodySizes = "(min-width: 760px) 700px, calc(100vw - 2rem)";

    /// <summary>The cover on the article page (at most 46rem wide).</summary>
    public const string CoverSizes = "(min-width: 800px) 736px, calc(100vw - 2rem)";

    /// <summary>The top story's cover on the home page: half the page on a PC, the full width on a phone.</summary>
    public const string FeatureSizes = "(min-width: 1000px) 560px, calc(100vw - 2rem)";

    /// <summary>List thumbnails (96 px on a phone, 128 px on a PC).</summary>
    public const string ThumbnailSizes = "128px";

    /// <summary>The largest JPEG: what <c>src</c> names and what a cover's path is.</summary>
    public string Src => MediaPaths.Public(Key, Width, PhotoFormat.Jpeg);

    public string SrcSet(PhotoFormat format) =>
        string.Join(", ", Widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{MediaPaths.Public(Key, w, format)} {w}w")));

    /// <summary>The smallest JPEG: a thumbnail's <c>src</c>.</summary>
    public string SmallestSrc => MediaPaths.Public(Key, Widths[0], PhotoFormat.Jpeg);

    /// <summary>
    /// The photo of a cover path and its stored widths ("480,960,1600"); null for a path this pipeline did not make (a
    /// cover from before it) or a photo without a record. Covers are shown in fixed frames (16:9, cropped), so only the
    /// width is known here: <see cref="Height"/> is 0.
    /// </summary>
    public static ResponsiveImage? FromCover(string? coverPath, string? widths) =>
        MediaPaths.KeyOf(coverPath) is { } key && ParseWidths(widths) is { Count: > 0 } list ? new ResponsiveImage(key, list, list[^1], 0) : null;

    public static string FormatWidths(IEnumerable<int> widths) => string.Join(',', widths.Select(w => w.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> ParseWidths(string? widths)
    {
        if (string.IsNullOrEmpty(widths))
        {
            return [];
        }

        var list = new List<int>();
        foreach (var part in widths.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var w) || w <= 0)
            {
                return [];
            }

            list.Add(w);
        }

        return list;
    }
}
