using District5News.Web.Features.Admin;
using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

public sealed class DashboardController(DashboardQueries dashboard, BulletinAccess access) : AdminController
{
    [HttpGet(AdminRoutes.Dashboard)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.GetAsync(await access.ScopeAsync(User, cancellationToken), cancellationToken));
}
