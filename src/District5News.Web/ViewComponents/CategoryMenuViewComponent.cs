using District5News.Web.Features.Articles;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.ViewComponents;

/// <summary>The category menu.</summary>
public sealed class CategoryMenuViewComponent(CategoryDirectory categories) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await categories.GetAllAsync(HttpContext.RequestAborted));
}
