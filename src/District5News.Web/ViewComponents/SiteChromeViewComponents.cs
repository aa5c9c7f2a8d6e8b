using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.ViewComponents;

/// <summary>"SỐ LƯỢT TRUY CẬP", drawn as separate digits on every page.</summary>
public sealed class VisitCounterViewComponent(VisitCounter counter) : ViewComponent
{
    public const int MinDigits = 8;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var total = await counter.GetTotalVisitsAsync(HttpContext.RequestAborted);
        return View(total);
    }
}

/// <summary>The category menu.</summary>
public sealed class CategoryMenuViewComponent(CategoryDirectory categories) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await categories.GetAllAsync(HttpContext.RequestAborted));
}
