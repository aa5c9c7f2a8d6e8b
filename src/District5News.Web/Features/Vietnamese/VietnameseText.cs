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
    /// query are both cut with this one function (through <see cref="Syllables"/>) so they always agree.
    /// </summary>
    public static IReadOnlyList<string> Words(string? text) => Syllables(text).Select(s => s.Folded).ToList();

    /// <summary>
    /// The syllables of a text: where each one stands in the text, and its folded form (<see cref="Marked"/> gives
    /// the other form, when needed). A syllable is a run of letters and digits once folded; a combining mark belongs to
    /// the letter before it.
    /// </summary>
    public static IReadOnlyList<Syllable> Syllables(string? text)
    {
        var syllables = new List<Syllable>();
        if (string.IsNullOrEmpty(text))
        {
            return syllables;
        }

        var folded = new StringBuilder();
        var start = -1;
        var i = 0;
        while (true)
        {
            var unitStart = i;
            string? unitFold = null;
            if (i < text.Length)
            {
                i++;
                while (i < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark)
                {
                    i++;
                }

                unitFold = FoldUnit(text, unitStart, i - unitStart);
            }

            if (unitFold is { Length: > 0 } && unitFold.All(char.IsLetterOrDigit))
            {
                start = start < 0 ? unitStart : start;
                folded.Append(unitFold);
                continue;
            }

            if (start >= 0)
            {
                syllables.Add(new Syllable(start, unitStart - start, folded.ToString().Normalize(NormalizationForm.FormC)));
                folded.Clear();
                start = -1;
            }

            if (unitFold is null)
            {
                break;
            }
        }

        return syllables;
    }

    /// <summary>
    /// One syllable as it is written, compared without case: NFC, lower case, Ð/Ɖ read as đ, and the tone mark put in
    /// one fixed place (the modern one: "hoà" and "hòa", "thuỷ" and "thủy" give the same form), so two spellings of a
    /// syllable compare equal exactly when a reader would call them the same syllable with the same marks.
    /// </summary>
    public static string Marked(string syllable)
    {
        if (Ascii.IsValid(syllable))
        {
            return syllable.ToLowerInvariant();
        }

        var lower = new StringBuilder(syllable.Length);
        foreach (var c in syllable.Normalize(NormalizationForm.FormD))
        {
            lower.Append(c switch
            {
                'Đ' or 'Ð' or 'Ɖ' or 'ɖ' => 'đ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return PlaceTone(lower.ToString());
    }

    /// <summary>Marked syllables joined by single spaces: the second form the search index stores.</summary>
    public static string MarkedSearchForm(string? text) =>
        string.Join(' ', Syllables(text).Select(s => Marked(text!.Substring(s.Start, s.Length))));

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

    // The five tone marks; the other marks (breve, circumflex, horn) make letters of their own (ă, â, ê, ô, ơ, ư).
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";
    private const string QualityMarks = "\u0306\u0302\u031B";

    /// <summary>
    /// Puts the (first) tone mark of a lower-case, decomposed syllable on its nucleus: a vowel with a mark of its own
    /// (the last one: "ươ" takes it on ơ), else the last vowel when a consonant follows, else the first of two vowels
    /// or the middle of three ("hòa", "thủy", "ngoài", "khuỷu"); "qu" and "gi" before a vowel are consonants. Marks
    /// that do not compose (other scripts) are dropped, so the result holds only letters and digits.
    /// </summary>
    private static string PlaceTone(string decomposed)
    {
        var bases = new List<(char Letter, string Marks)>();
        char? tone = null;
        foreach (var c in decomposed)
        {
            if (ToneMarks.Contains(c, StringComparison.Ordinal))
            {
                tone ??= c;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && bases.Count > 0)
            {
                bases[^1] = (bases[^1].Letter, bases[^1].Marks + c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                bases.Add((c, string.Empty));
            }
        }

        var nucleus = tone is null ? -1 : Nucleus(bases);
        var builder = new StringBuilder(decomposed.Length);
        for (var i = 0; i < bases.Count; i++)
        {
            builder.Append(bases[i].Letter).Append(bases[i].Marks);
            if (i == nucleus)
            {
                builder.Append(tone!.Value);
            }
        }

        var composed = builder.ToString().Normalize(NormalizationForm.FormC);
        return composed.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            ? new string(composed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            : composed;
    }

    private static int Nucleus(List<(char Letter, string Marks)> bases)
    {
        static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        var first = 0;
        while (first < bases.Count && !IsVowel(bases[first].Letter))
        {
            first++;
        }

        // "qu" and "gi" followed by another vowel: the u or the i belongs to the consonant.
        if (first < bases.Count - 1 && first > 0 && bases[first].Marks.Length == 0 && IsVowel(bases[first + 1].Letter)
            && ((bases[first].Letter == 'u' && bases[first - 1].Letter == 'q') || (bases[first].Letter == 'i' && bases[first - 1].Letter == 'g')))
        {
            first++;
        }

        if (first == bases.Count)
        {
            return -1;
        }

        var last = first;
        while (last + 1 < bases.Count && IsVowel(bases[last + 1].Letter))
        {
            last++;
        }

        for (var i = last; i >= first; i--)
        {
            if (bases[i].Marks.Any(m => QualityMarks.Contains(m, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        if (last < bases.Count - 1)
        {
            return last;
        }

        return last - first == 2 ? first + 1 : first;
    }

    /// <summary>The folded form of one letter and the marks after it (a lookup for single characters, the commonest case).</summary>
    private static string FoldUnit(string text, int start, int length)
    {
        // A surrogate is never a letter here (as in Fold's char-by-char test), and cannot be normalized alone.
        if (char.IsSurrogate(text[start]))
        {
            return text.Substring(start, 1);
        }

        if (length == 1)
        {
            var c = text[start];
            return SingleFolds[c] ??= FoldSlow(c.ToString());
        }

        return FoldSlow(text.Substring(start, length));
    }

    private static readonly string?[] SingleFolds = new string?[char.MaxValue + 1];

    private static string FoldSlow(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        foreach (var c in unit.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(FoldChar(c));
            }
        }

        return builder.ToString();
    }

    private static char FoldChar(char c) => c switch
    {
        'đ' or 'Đ' or 'Ð' or 'Ɖ' or 'ɖ' => 'd',
        _ => char.ToLowerInvariant(c),
    };
}

/// <summary>One syllable of a text: where it stands (in UTF-16 units) and its folded form.</summary>
public readonly record struct Syllable(int Start, int Length, string Folded)
{
    public int End => Start + Length;
}
