using District5News.Web.Controllers;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Base of every back-office controller: the Admin area, staff only. Administrator-only controllers add their own policy.</summary>
[Area("Admin")]
[Authorize(Policy = StaffPolicies.Staff)]
public abstract class AdminController : Controller
{
    /// <summary>400 with the form again and a Vietnamese message at the top.</summary>
    protected ViewResult InvalidForm(object model, string? message = null)
    {
        if (message is not null)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model);
    }

    protected ViewResult BadInput(string message) => this.BadRequestPage(message);

    protected ViewResult NotFoundPage(string message) => ErrorPageExtensions.NotFoundPage(this, message);

    protected ViewResult ForbiddenPage(string message) => ErrorPageExtensions.ForbiddenPage(this, message);
    /// <summary>404, or 403 with the reason, for an item of a unit this staff member does not act for.</summary>
    protected ViewResult UnitRefusal(int status, string message)
    {
        if (status == StatusCodes.Status404NotFound)
        {
            return NotFoundPage(message);
        }

        return ForbiddenPage(message);
    }
}
