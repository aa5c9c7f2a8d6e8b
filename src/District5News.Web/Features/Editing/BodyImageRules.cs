using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace District5News.Web.Features.Editing;

/// <summary>
/// The sanitizer's rules for pictures in a body, applied before the library runs and again on its output: an image
/// comes only from our uploads folder (what the image pipeline made), <c>srcset</c> lists only such paths with width
/// descriptors, <c>sizes</c>, <c>width</c>, <c>height</c>, <c>loading</c> and <c>decoding</c> hold only plain values,
/// and a <c>picture</c> is WebP <c>source</c>s followed by one <c>img</c>. Anything else is dropped: an image that
/// cannot be shown from our own files is not shown at all. See docs/security/xss.md.
/// </summary>
internal static partial class BodyImageRules
{
    private const int MaxCandidates = 10;

    private const string SizesEntry = @"(?:\((?:min|max)-width: ?[0-9]{1,5}(?:px|em|rem)\) )?(?:[0-9]{1,5}(?:px|vw|em|rem)|calc\([0-9]{1,3}vw - [0-9]{1,3}(?:px|rem)\))";

    /// <summary>A path under /uploads: segments of letters, digits, '_', '-' and '.', none starting with '.' (so no "..", no hidden file).</summary>
    public static bool IsUploadPath(string url) => UploadPath().IsMatch(url);

    /// <summary>"path 480w, path 960w", every path one of ours.</summary>
    public static bool IsAllowedSrcset(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var candidates = value.Split(',', StringSplitOptions.TrimEntries);
        if (candidates.Length > MaxCandidates)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            var match = Candidate().Match(candidate);
            if (!match.Success || !IsUploadPath(match.Groups["url"].Value))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsAllowedSizes(string? value) => value is not null && Sizes().IsMatch(value);

    /// <summary>Applies the rules to every picture under <paramref name="root"/>.</summary>
    public static void Apply(IElement root)
    {
        foreach (var image in root.QuerySelectorAll("img").ToList())
        {
            if (!HtmlBodySanitizer.IsAllowedUrl("img", image.GetAttribute("src")))
            {
                (image.ParentElement is { LocalName: "picture" } picture ? picture : image).Remove();
                continue;
            }

            Keep(image, "srcset", IsAllowedSrcset);
            Keep(image, "sizes", IsAllowedSizes);
            Keep(image, "width", IsDimension);
            Keep(image, "height", IsDimension);
            Keep(image, "loading", v => v is "lazy" or "eager");
            Keep(image, "decoding", v => v is "async" or "sync" or "auto");
        }

        foreach (var picture in root.QuerySelectorAll("picture").ToList())
        {
            if (picture.Parent is null || !root.Contains(picture))
            {
                continue;
            }

            var children = picture.ChildNodes.Where(n => n is not IText text || !string.IsNullOrWhiteSpace(text.Data)).ToList();
            var wellFormed = children.Count > 0
                && children[^1] is IElement { LocalName: "img" }
                && children.Take(children.Count - 1).All(n => n is IElement { LocalName: "source" });
            if (!wellFormed)
            {
                Unwrap(picture);
            }
        }

        foreach (var source in root.QuerySelectorAll("source").ToList())
        {
            if (source.ParentElement is not { LocalName: "picture" } || source.GetAttribute("type") != "image/webp"
                || !IsAllowedSrcset(source.GetAttribute("srcset")))
            {
                source.Remove();
                continue;
            }

            Keep(source, "sizes", IsAllowedSizes);
        }
    }

    private static bool IsDimension(string value) => Dimension().IsMatch(value);

    private static void Keep(IElement element, string attribute, Func<string, bool> rule)
    {
        if (element.GetAttribute(attribute) is { } value && !rule(value))
        {
            element.RemoveAttribute(attribute);
        }
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    [GeneratedRegex(@"^/uploads(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex UploadPath();

    [GeneratedRegex(@"^(?<url>[^\s,]+)[ ]+[1-9][0-9]{0,4}w\z", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    /// <summary>A few "(min-width: Npx) length" entries and a last length: px, vw, em, rem or calc(Nvw - Npx).</summary>
    [GeneratedRegex("^" + SizesEntry + "(?:, ?" + SizesEntry + "){0,5}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sizes();

    [GeneratedRegex(@"^[1-9][0-9]{0,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dimension();
}
