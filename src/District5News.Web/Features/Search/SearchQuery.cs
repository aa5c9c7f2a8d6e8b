using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Search;

/// <summary>A resident's query, checked and cut into folded words (syllables), every one of which must match.</summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxWords = 12;

    private SearchQuery(string text, IReadOnlyList<string> words)
    {
        Text = text;
        Words = words;
    }

    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

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

        var words = VietnameseText.Words(text).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            error = "Từ khóa phải có ít nhất một chữ hoặc một số.";
            return false;
        }

        if (words.Count > MaxWords)
        {
            error = $"Từ khóa có quá nhiều từ: tối đa {MaxWords} từ.";
            return false;
        }

        error = null;
        query = new SearchQuery(text, words);
        return true;
    }

    /// <summary>The FTS5 MATCH expression: every word as a quoted token, all required.</summary>
    public string ToFtsMatch(string? column = null)
    {
        // Words hold only letters and digits, so quoting them cannot break out of the expression.
        var all = string.Join(" AND ", Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        return column is null ? all : $"{column} : ({all})";
    }
}
