using District5News.Web.Features.Admin;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

public sealed class DashboardController(DashboardQueries dashboard) : AdminController
{
    [HttpGet(AdminRoutes.Dashboard)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.GetAsync(cancellationToken));
}
