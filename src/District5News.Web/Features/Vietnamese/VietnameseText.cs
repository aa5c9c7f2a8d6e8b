using System.Globalization;
using System.Text;

namespace District5News.Web.Features.Vietnamese;

/// <summary>
/// Folding and slugs for Vietnamese text. Folding is done by hand with the invariant rules on purpose:
/// the vi-VN collation treats ă, â, đ, ê, ô, ơ, ư as letters of their own, so culture-aware
/// "ignore accents" comparison does not fold them.
/// </summary>
public static class VietnameseText
{
    /// <summary>Normalizes text as it is stored: NFC, so decomposed input from some keyboards compares equal.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Normalize(NormalizationForm.FormC);

    /// <summary>Lower-case, tone marks and diacritics removed, đ/Đ/Ð/Ɖ mapped to d. Keeps every other character.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(FoldChar(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The words (syllables) of a text, folded: letters and digits only. The search index and the search
    /// query are both cut with this one function so they always agree.
    /// </summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Folded words joined by single spaces: the form the search index stores.</summary>
    public static string SearchForm(string? text) => string.Join(' ', Words(text));

    /// <summary>The URL slug of a title: folded, ASCII letters and digits, words joined by '-'.</summary>
    public static string Slugify(string? text, int maxLength = 80)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(text))
        {
            var ascii = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (ascii.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                if (builder.Length + 1 + ascii.Length > maxLength)
                {
                    break;
                }

                builder.Append('-');
            }

            builder.Append(ascii);
        }

        return builder.Length == 0 ? "bai-viet" : builder.ToString();
    }

    private static char FoldChar(char c) => c switch
    {
        'đ' or 'Đ' or 'Ð' or 'Ɖ' or 'ɖ' => 'd',
        _ => char.ToLowerInvariant(c),
    };
}
