using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

/// <summary>
/// The characters a Unicode normalization can merge into markup or turn into markup, computed here by scanning the
/// BMP (not read from the sanitizer, which must not grade its own work), the payloads built from them, and the check
/// that a body holds nothing but the sanitizer's allow-list. Shared with the integration tests (linked source).
/// </summary>
public static class NormalizationHazards
{
    /// <summary>The characters of markup a hazard is put next to.</summary>
    public const string Anchors = "<>=\"'";

    /// <summary>Payloads that are harmless as long as each tag and attribute ends where it was written.</summary>
    public static readonly string[] Templates =
    [
        "<b> tabindex=1 autofocus onfocus=alert(1) x</b>",
        "<a href=\"https://a.vn/\" onclick=alert(1)>t</a>",
        "<p title='a' onmouseover=alert(1)>t</p>",
        "<img src=\"/uploads/a.jpg\" alt=\"x\" onerror=alert(1)>",
    ];

    public static readonly NormalizationForm[] Forms =
        [NormalizationForm.FormC, NormalizationForm.FormD, NormalizationForm.FormKC, NormalizationForm.FormKD];

    private static readonly Lazy<IReadOnlyList<char>> LazyCombiningMarks = new(() => Scan(IsCombiningMark));

    private static readonly Lazy<IReadOnlyList<char>> LazyMarkupLookalikes = new(() => Scan(c => !IsCombiningMark(c) && NormalizesToMarkup(c)));

    /// <summary>Every BMP code point of category Mn, Mc or Me.</summary>
    public static IReadOnlyList<char> CombiningMarks => LazyCombiningMarks.Value;

    /// <summary>Every other BMP character whose NFC, NFD, NFKC or NFKD form contains &lt; &gt; = " ' or &amp;, e.g. ≮ ≯ ≠ ＜ ﹤ ＞ ⁼.</summary>
    public static IReadOnlyList<char> MarkupLookalikes => LazyMarkupLookalikes.Value;

    public static IEnumerable<char> All => CombiningMarks.Concat(MarkupLookalikes);

    public static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The hazard as it is typed (raw) and as a character reference, which the parser turns into the same character.</summary>
    public static IEnumerable<string> Spellings(char hazard) => [hazard.ToString(), $"&#x{(int)hazard:X};"];

    /// <summary>Every template with <paramref name="hazard"/> put just before and just after each anchor character in it.</summary>
    public static IEnumerable<string> Payloads(string hazard)
    {
        foreach (var template in Templates)
        {
            for (var i = 0; i < template.Length; i++)
            {
                if (Anchors.Contains(template[i], StringComparison.Ordinal))
                {
                    yield return template.Insert(i + 1, hazard);
                    yield return template.Insert(i, hazard);
                }
            }
        }
    }

    /// <summary>
    /// What is wrong with <paramref name="html"/> as a stored body: after each normalization, re-parsed, any element or
    /// attribute outside the sanitizer's allow-list, any on* attribute, or any href/src/srcset URL outside the sanitizer's URL policy.
    /// </summary>
    public static IEnumerable<string> Problems(string html)
    {
        var parser = new HtmlParser();
        foreach (var form in Forms.Prepend((NormalizationForm)0))
        {
            var text = form == 0 ? html : html.Normalize(form);
            if (form != 0 && string.Equals(text, html, StringComparison.Ordinal))
            {
                continue; // the same string parses to the same tree
            }

            var body = parser.ParseDocument("<!DOCTYPE html><html><body>" + text + "</body></html>").Body!;
            foreach (var problem in ProblemsIn(body))
            {
                yield return $"{(form == 0 ? "as stored" : "after " + form)}: {problem}";
            }
        }
    }

    /// <summary>Disallowed elements or attributes below <paramref name="root"/> (a parsed body, or a page's body container).</summary>
    public static IEnumerable<string> ProblemsIn(IElement root)
    {
        foreach (var element in root.Descendants<IElement>())
        {
            if (!HtmlBodySanitizer.AllowedElementNames.Contains(element.LocalName, StringComparer.Ordinal))
            {
                yield return $"element <{element.LocalName}>";
            }

            var allowed = HtmlBodySanitizer.AllowedAttributesOf(element.LocalName);
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || !allowed.Contains(attribute.Name, StringComparer.Ordinal))
                {
                    yield return $"attribute {attribute.Name} on <{element.LocalName}>";
                }
                else if (attribute.Name is "href" or "src" && !HtmlBodySanitizer.IsAllowedUrl(element.LocalName, attribute.Value))
                {
                    yield return $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>";
                }
                else if (attribute.Name == "srcset" && attribute.Value.Split(',').Select(c => c.Trim().Split(' ')[0])
                    .Any(url => !HtmlBodySanitizer.IsAllowedUrl(element.LocalName, url)))
                {
                    yield return $"srcset=\"{attribute.Value}\" on <{element.LocalName}>";
                }
            }
        }
    }

    public static string Describe(char c) => $"U+{(int)c:X4} ({CharUnicodeInfo.GetUnicodeCategory(c)})";

    private static bool NormalizesToMarkup(char c)
    {
        var text = c.ToString();
        foreach (var form in Forms)
        {
            if (text.Normalize(form).AsSpan().IndexOfAny(Anchors + "&") >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static List<char> Scan(Func<char, bool> predicate)
    {
        var found = new List<char>();
        for (var code = 0x80; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (!char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned && predicate(c))
            {
                found.Add(c);
            }
        }

        return found;
    }
}
