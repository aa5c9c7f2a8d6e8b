using System.Text;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using Microsoft.AspNetCore.Html;

namespace District5News.Web.Features.Search;

/// <summary>Wraps the words of a text that match the query (folded) in &lt;mark&gt;, encoding everything else.</summary>
public static class Highlighter
{

    public static IHtmlContent Highlight(string text, IReadOnlyCollection<string> foldedWords)
    {
        var words = foldedWords as ISet<string> ?? new HashSet<string>(foldedWords, StringComparer.Ordinal);
        var builder = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var isWord = IsWordChar(text, i);
            while (i < text.Length && IsWordChar(text, i) == isWord)
            {
                i++;
            }

            var segment = text[start..i];
            var encoded = ArticleHtml.Encode(segment);
            if (isWord && words.Contains(VietnameseText.Fold(segment)))
            {
                builder.Append("<mark>").Append(encoded).Append("</mark>");
            }
            else
            {
                builder.Append(encoded);
            }
        }

        return new HtmlString(builder.ToString());
    }

    /// <summary>A short excerpt of the text around the first matching word.</summary>
    public static string Excerpt(string text, IReadOnlyCollection<string> foldedWords, int length = 240)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var folded = VietnameseText.Fold(text);
        var first = foldedWords.Select(w => folded.IndexOf(w, StringComparison.Ordinal)).Where(p => p >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(first - (length / 3), text.Length - length));
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Min(text.Length, start + length);
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return (start > 0 ? "… " : string.Empty) + text[start..end].Trim() + (end < text.Length ? " …" : string.Empty);
    }

    private static bool IsWordChar(string text, int index) =>
        char.IsLetterOrDigit(text[index]) || char.GetUnicodeCategory(text[index]) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
