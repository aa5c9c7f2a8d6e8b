using District5News.Web.Features.Notices;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.ViewComponents;

/// <summary>The site-wide notices shown now, at the top of every public page.</summary>
public sealed class SiteNoticesViewComponent(SiteNotices notices) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await notices.ShownAsync(HttpContext.RequestAborted));
}
