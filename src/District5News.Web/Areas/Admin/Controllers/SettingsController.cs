using District5News.Web.Features.Accounts;
using District5News.Web.Features.Agency;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>The site settings: administrators only (they name the portal and its publisher).</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class SettingsController(SiteSettingsEditor editor) : AdminController
{
    [HttpGet(AdminRoutes.Settings)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await editor.GetFormAsync(null, null, cancellationToken));

    [HttpPost(AdminRoutes.Settings)]
    public async Task<IActionResult> Index(SiteSettingsInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await editor.SaveAsync(input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = result.Message;
            return Redirect(AdminRoutes.Settings);
        }

        Response.StatusCode = result.Status;
        ViewData["FormError"] = result.Message;
        return View(await editor.GetFormAsync(input, result.Errors, cancellationToken));
    }
}
