using District5News.Web.Features.Accounts;
using District5News.Web.Features.Units;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Publishing units: list and edit (name, address, period, successor, basis). Administrators only; no delete.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class UnitsController(UnitAdministration units) : AdminController
{
    private const string NotFoundMessage = "Không tìm thấy đơn vị này.";

    [HttpGet(AdminRoutes.Units)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await units.ListAsync(cancellationToken));

    [HttpGet(AdminRoutes.UnitEdit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await units.GetFormAsync(id, null, cancellationToken) is { } form ? View(form) : NotFoundPage(NotFoundMessage);

    [HttpPost(AdminRoutes.UnitEdit)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] UnitEditInput input, CancellationToken cancellationToken)
    {
        // The service checks the whole input; what model binding recorded would only repeat its messages.
        ModelState.Clear();
        var result = await units.UpdateAsync(id, input, cancellationToken);
        if (!result.Found || await units.GetFormAsync(id, input, cancellationToken) is not { } form)
        {
            return NotFoundPage(NotFoundMessage);
        }

        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? string.Empty : "Input." + field, message);
            }

            return InvalidForm(form);
        }

        TempData["Message"] = result.Message;
        return Redirect(UnitAdminUrls.List);
    }
}
