using System.Globalization;
using System.Text;

namespace District5News.Web.Features.Counting;

/// <summary>
/// The numbers a page shows that change with every visit: the site's visit counter and a bulletin's views.
/// Counted pages are rendered with a marker in their place, the output cache keeps the page with its markers, and
/// <see cref="LiveNumbersStream"/> writes the current numbers over the markers on every response, rendered or
/// cached. So a cached page still shows exact counts, with no script and no second request.
/// </summary>
public static class LiveNumbers
{
    internal const string VisitCounterMarker = "<!--d5:visits-->";
    private const string ArticleViewsPrefix = "<!--d5:views:";

    /// <summary>The longest marker; anything longer that starts like one is ordinary text.</summary>
    internal const int MaxMarkerLength = 32;

    internal static ReadOnlySpan<byte> MarkerStart => "<!--d5:"u8;

    internal static ReadOnlySpan<byte> MarkerEnd => "-->"u8;

    internal static string ArticleViewsMarker(int articleId) =>
        ArticleViewsPrefix + articleId.ToString(CultureInfo.InvariantCulture) + "-->";

    /// <summary>True when this response's markers will be filled in, i.e. on counted pages.</summary>
    internal static bool AreFilled(HttpContext context) => context.Features.Get<CountedPageRequest>() is not null;

    /// <summary>What a marker stands for: the visit counter, or the views of one bulletin.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> marker, out int? articleId)
    {
        articleId = null;
        var text = Encoding.ASCII.GetString(marker);
        if (text == VisitCounterMarker)
        {
            return true;
        }

        if (text.StartsWith(ArticleViewsPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(ArticleViewsPrefix.Length, text.Length - ArticleViewsPrefix.Length - 3),
                NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            articleId = id;
            return true;
        }

        return false;
    }
}
