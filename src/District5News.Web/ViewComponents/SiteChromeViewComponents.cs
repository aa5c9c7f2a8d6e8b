using System.Globalization;
using System.Text;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Vietnamese;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.ViewComponents;

/// <summary>"SỐ LƯỢT TRUY CẬP", drawn as separate digits on every page.</summary>
public sealed class VisitCounterViewComponent(VisitCounter counter) : ViewComponent
{
    public const int MinDigits = 8;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // On counted pages the digits are written per response over a marker, so a cached page shows them exact.
        if (LiveNumbers.AreFilled(HttpContext))
        {
            return View(new HtmlString(LiveNumbers.VisitCounterMarker));
        }

        var total = await counter.GetTotalVisitsAsync(HttpContext.RequestAborted);
        return View(new HtmlString(DigitsHtml(total)));
    }

    /// <summary>The counter's digits, each in its own box, with the grouped number for screen readers.</summary>
    public static string DigitsHtml(long total)
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
}

/// <summary>The category menu.</summary>
public sealed class CategoryMenuViewComponent(CategoryDirectory categories) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await categories.GetAllAsync(HttpContext.RequestAborted));
}
