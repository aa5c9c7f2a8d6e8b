using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace District5News.Web.Features.Articles;

/// <summary>Text encoding for snippets, and the plain text of a stored body that the search index reads. Bodies themselves are built by <see cref="Editing.HtmlBodySanitizer"/>.</summary>
public static partial class ArticleHtml
{
    // Only markup characters are escaped; Vietnamese letters are stored as text, not as &#...; codes.
    private static readonly HtmlEncoder TextEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text made safe for HTML: markup characters escaped, letters kept.</summary>
    public static string Encode(string text) => TextEncoder.Encode(text);

    /// <summary>The words of an HTML fragment, tags dropped and entities decoded, for indexing and snippets.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var withoutTags = TagPattern().Replace(html, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags);
        return SpacePattern().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacePattern();
}
