using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace District5News.Web.Features.Articles;

/// <summary>Conversions between the body's plain paragraphs, its stored HTML and the plain text the search index reads.</summary>
public static partial class ArticleHtml
{
    // Only markup characters are escaped; Vietnamese letters are stored as text, not as &#...; codes.
    private static readonly HtmlEncoder TextEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text made safe for HTML: markup characters escaped, letters kept.</summary>
    public static string Encode(string text) => TextEncoder.Encode(text);

    /// <summary>
    /// Plain paragraphs as HTML paragraphs, each encoded. Not a body yet: a body is stored only as the sanitizer's
    /// output (<see cref="Editing.HtmlBodySanitizer.FromParagraphs"/> normalizes the text, calls this, then sanitizes).
    /// </summary>
    public static string FromParagraphs(IEnumerable<string> paragraphs)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            builder.Append("<p>").Append(TextEncoder.Encode(paragraph)).Append("</p>\n");
        }

        return builder.ToString();
    }

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
