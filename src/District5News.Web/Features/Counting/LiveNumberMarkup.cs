using System.Globalization;
using System.Text;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Counting;

/// <summary>How counting's numbers look on a page: the visit counter's digits and a bulletin's views.</summary>
public static class LiveNumberMarkup
{
    /// <summary>The old portal's counter always shows at least this many digits (0 2 8 8 9 7 0 2).</summary>
    public const int MinDigits = 8;

    /// <summary>The counter's digits, each in its own box, with the grouped number for screen readers.</summary>
    public static string VisitCounter(long total)
    {
        var digits = total.ToString(CultureInfo.InvariantCulture).PadLeft(MinDigits, '0');
        var html = new StringBuilder(96 + (digits.Length * 48));
        html.Append("<p class=\"digits\" data-total=\"").Append(total.ToString(CultureInfo.InvariantCulture))
            .Append("\"><span class=\"visually-hidden\">").Append(VietnameseFormat.Number(total)).Append(" lượt truy cập</span>");
        foreach (var digit in digits)
        {
            html.Append("<span class=\"digit\" aria-hidden=\"true\">").Append(digit).Append("</span>");
        }

        return html.Append("</p>").ToString();
    }

    /// <summary>"Số lượt người xem": the number grouped with dots.</summary>
    public static string ArticleViews(long views) => VietnameseFormat.Number(views);
}
