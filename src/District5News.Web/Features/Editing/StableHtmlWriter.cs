using System.Buffers;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace District5News.Web.Features.Editing;

/// <summary>
/// Writes a sanitized DOM as HTML whose markup no Unicode normalization (NFC, NFD, NFKC, NFKD) can change. Text and
/// attribute values are written as characters, except those a normalization could merge into the markup or turn
/// into markup: every combining mark (it would compose with a tag's "&gt;", as U+0338 turns "&gt;" into "≯"), and every
/// character whose normalized forms contain &lt; &gt; &amp; " ' = or start with a combining mark (≮, ≠, fullwidth ＜ and the
/// like). Those go out as numeric character references, which are ASCII and so left alone by every normalization,
/// and which the browser reads back as the same character. Vietnamese letters in NFC are none of these and stay text.
/// </summary>
internal static class StableHtmlWriter
{
    private static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("<>&\"'=");

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>URL attributes: every non-ASCII character is written as a reference, so NFKC cannot turn "ｊａｖａｓｃｒｉｐｔ：" into a scheme.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "srcset" };

    private static readonly NormalizationForm[] Forms =
        [NormalizationForm.FormC, NormalizationForm.FormD, NormalizationForm.FormKC, NormalizationForm.FormKD];

    /// <summary>What is known of each BMP character: 0 not looked at yet, 1 written as it is, 2 written as a reference. Races only repeat the same work.</summary>
    private static readonly byte[] BmpVerdicts = new byte[0x10000];

    /// <summary>The children of <paramref name="root"/>, one top-level block a line.</summary>
    public static string Write(IElement root)
    {
        var builder = new StringBuilder();
        foreach (var node in root.ChildNodes)
        {
            if (node is IText text)
            {
                if (!string.IsNullOrWhiteSpace(text.Data))
                {
                    AppendEscaped(builder, text.Data, attribute: false, asciiOnly: false);
                }

                continue;
            }

            if (node is IElement element)
            {
                AppendElement(builder, element);
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether a character must be written as a reference: a combining mark, an unassigned code point (a later
    /// Unicode version may make it one), or a character one of the four normalization forms turns into markup
    /// characters or into something starting with a combining mark.
    /// </summary>
    public static bool MustEscape(Rune rune)
    {
        if (rune.IsAscii)
        {
            return false;
        }

        if (rune.IsBmp)
        {
            var known = BmpVerdicts[rune.Value];
            if (known != 0)
            {
                return known == 2;
            }

            var verdict = Decide(rune);
            BmpVerdicts[rune.Value] = verdict ? (byte)2 : (byte)1;
            return verdict;
        }

        return Decide(rune);
    }

    private static bool Decide(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.OtherNotAssigned)
        {
            return true;
        }

        var text = rune.ToString();
        foreach (var form in Forms)
        {
            string normalized;
            try
            {
                normalized = text.Normalize(form);
            }
            catch (ArgumentException)
            {
                return true;
            }

            if (normalized.AsSpan().IndexOfAny(MarkupCharacters) >= 0)
            {
                return true;
            }

            if (Rune.DecodeFromUtf16(normalized, out var first, out _) == OperationStatus.Done
                && Rune.GetUnicodeCategory(first) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.EnclosingMark)
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendElement(StringBuilder builder, IElement element)
    {
        var name = element.LocalName;
        if (!IsPlainName(name))
        {
            // The sanitizer allows only plain names; anything else is left out, its content kept.
            AppendChildren(builder, element);
            return;
        }

        builder.Append('<').Append(name);
        foreach (var attribute in element.Attributes)
        {
            if (!IsPlainName(attribute.Name))
            {
                continue;
            }

            builder.Append(' ').Append(attribute.Name).Append("=\"");
            AppendEscaped(builder, attribute.Value, attribute: true, asciiOnly: UrlAttributes.Contains(attribute.Name));
            builder.Append('"');
        }

        builder.Append('>');
        if (VoidElements.Contains(name))
        {
            return;
        }

        AppendChildren(builder, element);
        builder.Append("</").Append(name).Append('>');
    }

    private static void AppendChildren(StringBuilder builder, IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IElement childElement:
                    AppendElement(builder, childElement);
                    break;
                case IText text:
                    AppendEscaped(builder, text.Data, attribute: false, asciiOnly: false);
                    break;
            }
        }
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static void AppendEscaped(StringBuilder builder, string value, bool attribute, bool asciiOnly)
    {
        Span<char> units = stackalloc char[2];

        // Invalid UTF-16 (a lone surrogate) comes out of the enumeration as U+FFFD.
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&':
                    builder.Append("&amp;");
                    continue;
                case '<':
                    builder.Append("&lt;");
                    continue;
                case '>':
                    builder.Append("&gt;");
                    continue;
                case '"' when attribute:
                    builder.Append("&quot;");
                    continue;
                case '\u00a0':
                    builder.Append("&nbsp;");
                    continue;
            }

            if ((asciiOnly && !rune.IsAscii) || MustEscape(rune))
            {
                builder.Append("&#x").Append(rune.Value.ToString("X", CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                builder.Append(units[..rune.EncodeToUtf16(units)]);
            }
        }
    }
}
