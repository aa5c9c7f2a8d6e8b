using System.Text;
using District5News.Web.Features.Articles;
using Microsoft.AspNetCore.Html;

namespace District5News.Web.Features.Search;

/// <summary>
/// A search result's title and snippet: the bulletin's best match (as it was ranked) found in its title and text,
/// the snippet cut around it, and each matching run wrapped in one &lt;mark&gt;, everything else encoded.
/// </summary>
public static class Highlighter
{
    public const int ExcerptLength = 240;

    /// <summary>The highlighted title and snippet of one bulletin; <paramref name="text"/> is its lead and body as plain text.</summary>
    public static (IHtmlContent Title, IHtmlContent Excerpt) ForResult(SearchQuery query, string title, string lead, string text)
    {
        var inTitle = new SearchMatches(query, title);
        var inText = new SearchMatches(query, text);
        var grade = BestGrade(query, inTitle, inText);

        // Words apart matched only once folded: of a query typed with marks, only the syllables with those marks are
        // shown ("cho" is not the "Chợ" the resident typed).
        if (grade is { Proximity: Proximity.Apart, SameMarks: false } && query.HasMarks)
        {
            grade = grade.Value with { SameMarks = true };
        }

        var titleRuns = grade is { } g ? inTitle.Runs(g) : [];
        var textRuns = grade is { } h ? inText.Runs(h) : [];

        // The snippet shows the best match of the text; a bulletin matched by its title alone shows its lead, unmarked.
        if (textRuns.Count == 0)
        {
            var (start, _) = Excerpt(lead, default);
            return (Highlight(title, titleRuns), Highlight(start, [], cutAfter: start.Length < lead.Length));
        }

        var (excerpt, offset) = Excerpt(text, textRuns[0]);
        var excerptRuns = textRuns
            .Where(r => r.Start >= offset && r.End <= offset + excerpt.Length)
            .Select(r => new MatchRun(r.Start - offset, r.End - offset))
            .ToList();
        return (Highlight(title, titleRuns), Highlight(excerpt, excerptRuns, offset > 0, offset + excerpt.Length < text.Length));
    }

    /// <summary>
    /// The best grade at which the bulletin matches: a phrase or a together run must lie within one text (title or
    /// body); for the words apart, title and body together must hold every syllable.
    /// </summary>
    public static MatchGrade? BestGrade(SearchQuery query, SearchMatches title, SearchMatches text)
    {
        foreach (var grade in SearchMatches.Grades(query))
        {
            var found = grade.Proximity == Proximity.Apart
                ? title.WordsPresent(grade.SameMarks).Union(text.WordsPresent(grade.SameMarks), StringComparer.Ordinal)
                    .Count() == (grade.SameMarks ? query.MarkedWords : query.Words).Count
                : title.Runs(grade).Count > 0 || text.Runs(grade).Count > 0;
            if (found)
            {
                return grade;
            }
        }

        return null;
    }

    /// <summary>The text with each run marked, markup characters encoded; "… " and " …" where it was cut.</summary>
    public static IHtmlContent Highlight(string text, IReadOnlyList<MatchRun> runs, bool cutBefore = false, bool cutAfter = false)
    {
        var builder = new StringBuilder(text.Length + (runs.Count * 13) + 4);
        if (cutBefore)
        {
            builder.Append("… ");
        }

        var at = 0;
        foreach (var run in runs)
        {
            builder.Append(ArticleHtml.Encode(text[at..run.Start]))
                .Append("<mark>").Append(ArticleHtml.Encode(text[run.Start..run.End])).Append("</mark>");
            at = run.End;
        }

        builder.Append(ArticleHtml.Encode(text[at..]));
        if (cutAfter)
        {
            builder.Append(" …");
        }

        return new HtmlString(builder.ToString());
    }

    /// <summary>
    /// About <paramref name="length"/> characters of the text around <paramref name="match"/> (a third of them before
    /// it), cut at spaces and never through the match; and where the excerpt starts in the text.
    /// </summary>
    public static (string Text, int Offset) Excerpt(string text, MatchRun match, int length = ExcerptLength)
    {
        if (text.Length <= length)
        {
            return (text, 0);
        }

        var start = Math.Max(0, Math.Min(match.Start - (length / 3), text.Length - length));
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Max(Math.Min(text.Length, start + length), match.End);
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        // Leading and trailing spaces go; the offset follows the first character kept.
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (text[start..end], start);
    }
}
