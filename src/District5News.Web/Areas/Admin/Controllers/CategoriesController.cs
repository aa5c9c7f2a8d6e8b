using District5News.Web.Features.Accounts;
using District5News.Web.Features.Categories;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Categories: list, create, rename, reorder, hide. Administrators only (they shape the whole site's menu).</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class CategoriesController(CategoryAdministration categories) : AdminController
{
    [HttpGet(AdminRoutes.Categories)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await categories.ListAsync(null, cancellationToken));

    [HttpPost(AdminRoutes.CategoryCreate)]
    public async Task<IActionResult> Create(CategoryNameInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await categories.CreateAsync(input, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result);
        }

        ModelState.AddModelError(nameof(CategoryNameInput.Name), result.Message);
        Response.StatusCode = result.Status;
        return View("Index", await categories.ListAsync(input, cancellationToken));
    }

    [HttpGet(AdminRoutes.CategoryRename)]
    public async Task<IActionResult> Rename(int id, CancellationToken cancellationToken) =>
        await categories.GetRenameFormAsync(id, null, cancellationToken) is { } form ? View(form) : NotFoundPage("Không tìm thấy chuyên mục này.");

    [HttpPost(AdminRoutes.CategoryRename)]
    public async Task<IActionResult> Rename(int id, CategoryNameInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await categories.RenameAsync(id, input, cancellationToken);
        if (result.Succeeded)
        {
            return Done(result);
        }

        if (await categories.GetRenameFormAsync(id, input, cancellationToken) is not { } form)
        {
            return NotFoundPage(result.Message);
        }

        ModelState.AddModelError(nameof(CategoryNameInput.Name), result.Message);
        Response.StatusCode = result.Status;
        return View(form);
    }

    [HttpPost(AdminRoutes.CategoryMove)]
    public async Task<IActionResult> Move(int id, string? direction, CancellationToken cancellationToken) =>
        After(await categories.MoveAsync(id, direction, cancellationToken));

    [HttpPost(AdminRoutes.CategoryVisibility)]
    public async Task<IActionResult> Visibility(int id, bool hidden, CancellationToken cancellationToken) =>
        After(await categories.SetHiddenAsync(id, hidden, cancellationToken));

    private IActionResult After(CategoryChangeResult result) => result.Status switch
    {
        StatusCodes.Status200OK => Done(result),
        StatusCodes.Status404NotFound => NotFoundPage(result.Message),
        _ => BadInput(result.Message),
    };

    private RedirectResult Done(CategoryChangeResult result)
    {
        TempData["Message"] = result.Message;
        return Redirect(CategoryUrls.List);
    }
}
