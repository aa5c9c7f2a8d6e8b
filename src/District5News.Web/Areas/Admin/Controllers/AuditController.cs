using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>The audit log, newest first, filtered by action, user and period. Administrators only.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class AuditController(AuditQueries audit) : AdminController
{
    [HttpGet(AdminRoutes.Audit)]
    public async Task<IActionResult> Index(AuditFilterInput input, CancellationToken cancellationToken)
    {
        var model = await audit.SearchAsync(input, cancellationToken);
        if (model.Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(model);
    }
}
