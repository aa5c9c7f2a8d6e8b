using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Search;

/// <summary>
/// A resident's query, checked and cut into syllables, every one of which must match (folded). It keeps the order
/// the syllables were typed in (for the phrase) and, when the resident typed tone marks, their marked forms (docs/search.md).
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxWords = 12;

    private SearchQuery(string text, IReadOnlyList<string> sequence, IReadOnlyList<string> markedSequence)
    {
        Text = text;
        Sequence = sequence;
        Words = sequence.Distinct(StringComparer.Ordinal).ToList();
        HasMarks = !sequence.SequenceEqual(markedSequence, StringComparer.Ordinal);
        MarkedSequence = HasMarks ? markedSequence : sequence;
        MarkedWords = HasMarks ? markedSequence.Distinct(StringComparer.Ordinal).ToList() : Words;
    }

    public string Text { get; }

    /// <summary>The distinct folded syllables: a bulletin must hold every one.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The folded syllables in the order typed, repeats kept: the phrase.</summary>
    public IReadOnlyList<string> Sequence { get; }

    /// <summary>True when some syllable was typed with a tone mark or another mark (đ, ă, â, ê, ô, ơ, ư).</summary>
    public bool HasMarks { get; }

    /// <summary>The syllables as typed (<see cref="VietnameseText.Marked"/>), in order; the folded ones when none carries a mark.</summary>
    public IReadOnlyList<string> MarkedSequence { get; }

    /// <summary>The distinct marked syllables.</summary>
    public IReadOnlyList<string> MarkedWords { get; }

    /// <summary>
    /// What tells two queries' answers apart: the folded phrase, and the marked one when it matters. "Chợ Lớn" and
    /// "CHỢ LỚN" share an entry; "cho lon" does not (it ranks differently).
    /// </summary>
    public string CacheKey => HasMarks
        ? string.Join(' ', Sequence) + "\u001e" + string.Join(' ', MarkedSequence)
        : string.Join(' ', Sequence);

    /// <summary>Parses the query; on failure gives the Vietnamese message to show with a 400.</summary>
    public static bool TryParse(string? raw, out SearchQuery? query, out string? error)
    {
        query = null;
        var text = VietnameseText.Normalize(raw).Trim();
        if (text.Length == 0)
        {
            error = "Vui lòng nhập từ khóa cần tìm.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"Từ khóa quá dài: tối đa {MaxLength} ký tự.";
            return false;
        }

        var syllables = VietnameseText.Syllables(text);
        if (syllables.Count == 0)
        {
            error = "Từ khóa phải có ít nhất một chữ hoặc một số.";
            return false;
        }

        if (syllables.Select(s => s.Folded).Distinct(StringComparer.Ordinal).Count() > MaxWords || syllables.Count > MaxWords * 2)
        {
            error = $"Từ khóa có quá nhiều từ: tối đa {MaxWords} từ.";
            return false;
        }

        error = null;
        query = new SearchQuery(
            text,
            syllables.Select(s => s.Folded).ToList(),
            syllables.Select(s => VietnameseText.Marked(text.Substring(s.Start, s.Length))).ToList());
        return true;
    }
}
