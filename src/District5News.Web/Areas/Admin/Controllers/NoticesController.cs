using District5News.Web.Features.Accounts;
using District5News.Web.Features.Notices;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Site-wide notices: list, create, edit, end now. Administrators only (a notice speaks for the whole site).</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class NoticesController(NoticeAdministration notices) : AdminController
{
    [HttpGet(AdminRoutes.Notices)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await notices.ListAsync(cancellationToken));

    [HttpGet(AdminRoutes.NoticeCreate)]
    public IActionResult Create() => View("Form", notices.NewForm());

    [HttpPost(AdminRoutes.NoticeCreate)]
    public async Task<IActionResult> Create(NoticeInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await notices.CreateAsync(input, cancellationToken);
        return result.Succeeded ? Done(result) : Refused(result, new NoticeFormViewModel(null, input, null));
    }

    [HttpGet(AdminRoutes.NoticeEdit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await notices.GetEditFormAsync(id, null, cancellationToken) is { } form ? View("Form", form) : NotFoundPage("Không tìm thấy thông báo này.");

    [HttpPost(AdminRoutes.NoticeEdit)]
    public async Task<IActionResult> Edit(int id, NoticeInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await notices.UpdateAsync(id, input, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result);
        }

        // After a conflict the form shows what is stored now, with the message; otherwise what was typed, with the errors.
        var form = await notices.GetEditFormAsync(id, result.Status == StatusCodes.Status409Conflict ? null : input, cancellationToken);
        return form is null ? NotFoundPage(result.Message) : Refused(result, form);
    }

    [HttpPost(AdminRoutes.NoticeEnd)]
    public async Task<IActionResult> End(int id, CancellationToken cancellationToken)
    {
        var result = await notices.EndAsync(id, cancellationToken);
        return result.Status switch
        {
            StatusCodes.Status200OK => Done(result),
            StatusCodes.Status404NotFound => NotFoundPage(result.Message),
            _ => await notices.GetEditFormAsync(id, null, cancellationToken) is { } form ? Refused(result, form) : NotFoundPage(result.Message),
        };
    }

    private ViewResult Refused(NoticeChangeResult result, NoticeFormViewModel form)
    {
        ModelState.AddModelError(string.Empty, result.Message);
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Response.StatusCode = result.Status;
        return View("Form", form);
    }

    private RedirectResult Done(NoticeChangeResult result)
    {
        TempData["Message"] = result.Message;
        return Redirect(NoticeUrls.List);
    }
}
