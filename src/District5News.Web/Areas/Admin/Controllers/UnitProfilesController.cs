using District5News.Web.Features.Accounts;
using District5News.Web.Features.Agency;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>The units' "Giới thiệu / Liên hệ": administrators only.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class UnitProfilesController(UnitProfileEditor editor) : AdminController
{
    [HttpGet(AdminRoutes.UnitProfiles)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editor.ListAsync(cancellationToken));

    [HttpGet(AdminRoutes.UnitProfileEdit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.GetFormAsync(id, null, null, cancellationToken) is { } form
            ? View(form)
            : NotFoundPage("Không tìm thấy đơn vị này, hoặc đơn vị đã thôi hoạt động.");

    [HttpPost(AdminRoutes.UnitProfileEdit)]
    public async Task<IActionResult> Edit(int id, UnitProfileInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await editor.SaveAsync(id, input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = result.Message;
            return Redirect(AdminRoutes.UnitProfiles);
        }

        if (await editor.GetFormAsync(id, input, result.Errors, cancellationToken) is not { } form)
        {
            return NotFoundPage(result.Message);
        }

        Response.StatusCode = result.Status;
        ViewData["FormError"] = result.Message;
        return View(form);
    }
}
