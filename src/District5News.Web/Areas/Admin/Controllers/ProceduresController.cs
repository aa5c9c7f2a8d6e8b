using District5News.Web.Features.Accounts;
using District5News.Web.Features.Agency;
using District5News.Web.Features.Procedures;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>The procedure links of /thu-tuc-hanh-chinh: list, add, edit, delete. Administrators only.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class ProceduresController(ProcedureLinks links) : AdminController
{
    [HttpGet(AdminRoutes.Procedures)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await links.GetAdminAsync(null, null, cancellationToken));

    [HttpPost(AdminRoutes.ProcedureCreate)]
    public async Task<IActionResult> Create(ProcedureLinkInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await links.CreateAsync(input, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result);
        }

        Response.StatusCode = result.Status;
        ViewData["FormError"] = result.Message;
        return View("Index", await links.GetAdminAsync(input, result.Errors, cancellationToken));
    }

    [HttpGet(AdminRoutes.ProcedureEdit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await links.GetEditAsync(id, null, null, cancellationToken) is { } form ? View(form) : NotFoundPage("Không tìm thấy liên kết này.");

    [HttpPost(AdminRoutes.ProcedureEdit)]
    public async Task<IActionResult> Edit(int id, ProcedureLinkInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await links.UpdateAsync(id, input, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result);
        }

        if (await links.GetEditAsync(id, input, result.Errors, cancellationToken) is not { } form)
        {
            return NotFoundPage(result.Message);
        }

        Response.StatusCode = result.Status;
        ViewData["FormError"] = result.Message;
        return View(form);
    }

    [HttpPost(AdminRoutes.ProcedureDelete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await links.DeleteAsync(id, cancellationToken);
        return result.Succeeded ? Done(result) : NotFoundPage(result.Message);
    }

    private RedirectResult Done(AgencySaveResult result)
    {
        TempData["Message"] = result.Message;
        return Redirect(ProcedureUrls.List);
    }
}
