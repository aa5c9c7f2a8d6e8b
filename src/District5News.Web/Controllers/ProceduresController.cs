using District5News.Web.Features.Procedures;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>Links to the public service portals and common procedures (Nghị định 42/2022/NĐ-CP, Art. 4).</summary>
public sealed class ProceduresController(ProcedureLinks links) : PublicController
{
    [HttpGet(SiteRoutes.Procedures)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await links.GetPageAsync(cancellationToken));
}
