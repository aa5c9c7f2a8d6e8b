using District5News.Web.Features.Documents;
using District5News.Web.Features.Paging;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>The documents library's back office: editors for their units' documents, administrators for all.</summary>
public sealed class DocumentsController(LegalDocuments documents) : AdminController
{
    [HttpGet(AdminRoutes.Documents)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken) =>
        PageRequest.TryValidate(page, out var pageNumber) && ModelState.IsValid
            ? View(await documents.AdminListAsync(User, pageNumber, cancellationToken))
            : BadInput("Số trang không hợp lệ.");

    [HttpGet(AdminRoutes.DocumentCreate)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        Form(await documents.GetFormAsync(User, null, null, null, cancellationToken));

    [HttpPost(AdminRoutes.DocumentCreate)]
    public async Task<IActionResult> Create(DocumentInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await documents.CreateAsync(User, input, cancellationToken);
        return result.Succeeded ? Done(result) : Form(await documents.GetFormAsync(User, null, input, result.Errors, cancellationToken), result);
    }

    [HttpGet(AdminRoutes.DocumentEdit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        Form(await documents.GetFormAsync(User, id, null, null, cancellationToken));

    [HttpPost(AdminRoutes.DocumentEdit)]
    public async Task<IActionResult> Edit(int id, DocumentInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await documents.UpdateAsync(User, id, input, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result);
        }

        return result.Status == StatusCodes.Status400BadRequest
            ? Form(await documents.GetFormAsync(User, id, input, result.Errors, cancellationToken), result)
            : Refused(result);
    }

    [HttpGet(AdminRoutes.DocumentDelete)]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken)
    {
        var (confirm, refused) = await documents.ConfirmDeleteAsync(User, id, cancellationToken);
        return confirm is not null ? View("Confirm", confirm) : Refused(refused!);
    }

    [HttpPost(AdminRoutes.DocumentDelete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await documents.DeleteAsync(User, id, cancellationToken);
        return result.Succeeded ? Done(result) : Refused(result);
    }

    private ViewResult Form((DocumentFormViewModel? Form, DocumentSaveResult? Refused) found, DocumentSaveResult? result = null)
    {
        if (found.Form is null)
        {
            return Refused(found.Refused!);
        }

        if (result is not null)
        {
            Response.StatusCode = result.Status;
            ViewData["FormError"] = result.Message;
        }

        return View("Form", found.Form);
    }

    private RedirectResult Done(DocumentSaveResult result)
    {
        TempData["Message"] = result.Message;
        return Redirect(AdminRoutes.Documents);
    }

    private ViewResult Refused(DocumentSaveResult result) => UnitRefusal(result.Status, result.Message);
}
