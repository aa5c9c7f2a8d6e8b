using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts a bulletin's view once per browser within the visit window. The bulletins a browser has seen are kept in a
/// small cookie ("id.minute" pairs), so the rule holds across restarts and across several instances.
/// </summary>
public sealed class ArticleViewCounting(VisitCounter counter, TimeProvider clock, IOptions<CountingOptions> options)
{
    private const int MaxRemembered = 40;

    /// <summary>
    /// Counts this view when it is the browser's first of this bulletin in the window. Returns the new value of
    /// the seen cookie, or null when the view was not counted and the cookie stays as it is.
    /// </summary>
    public string? CountView(HttpRequest request, int articleId)
    {
        var nowMinute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var windowMinutes = (long)options.Value.VisitWindow.TotalMinutes;
        var seen = Parse(request.Cookies[CountingCookies.Seen], nowMinute - windowMinutes);
        if (seen.ContainsKey(articleId))
        {
            return null;
        }

        counter.RecordArticleView(articleId);
        seen[articleId] = nowMinute;
        return Format(seen);
    }

    internal static Dictionary<int, long> Parse(string? cookie, long oldestMinute)
    {
        var seen = new Dictionary<int, long>();
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 2000)
        {
            return seen;
        }

        foreach (var pair in cookie.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            var dot = pair.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0
                && int.TryParse(pair.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(pair.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
                && minute >= oldestMinute)
            {
                seen[id] = minute;
            }
        }

        return seen;
    }

    internal static string Format(Dictionary<int, long> seen)
    {
        var builder = new StringBuilder();
        foreach (var (id, minute) in seen.OrderByDescending(p => p.Value).Take(MaxRemembered))
        {
            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(id.ToString(CultureInfo.InvariantCulture)).Append('.').Append(minute.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
