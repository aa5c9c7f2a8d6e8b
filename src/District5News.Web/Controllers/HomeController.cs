using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

public sealed class HomeController(UnitQueries units, WardPreference wards) : PublicController
{
    /// <summary>The home page; the ward a resident picked comes first (one cached copy per ward, <see cref="VaryByWardAttribute"/>).</summary>
    [HttpGet(SiteRoutes.Home)]
    [VaryByWard]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await units.GetHomeAsync(await wards.ReadAsync(HttpContext, cancellationToken), cancellationToken));
}
