using District5News.Web.Features.Accounts;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts: list, create, role, lock/unlock, password reset. Administrators only.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class AccountsController(AccountAdministration accounts) : AdminController
{
    [HttpGet(AdminRoutes.Accounts)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await accounts.ListAsync(User, cancellationToken));

    [HttpGet(AdminRoutes.AccountCreate)]
    public IActionResult Create() => View(new AccountCreateInput());

    [HttpPost(AdminRoutes.AccountCreate)]
    public async Task<IActionResult> Create(AccountCreateInput input)
    {
        if (!ModelState.IsValid)
        {
            return InvalidForm(Blank(input));
        }

        var result = await accounts.CreateAsync(input);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            var view = InvalidForm(Blank(input));
            Response.StatusCode = StatusFor(result);
            return view;
        }

        TempData["Message"] = result.Message;
        return Redirect(AdminRoutes.Accounts);
    }

    [HttpPost(AdminRoutes.AccountRole)]
    public async Task<IActionResult> ChangeRole(string id, AccountRoleInput input, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? await AfterChangeAsync(await accounts.ChangeRoleAsync(id, input.Role, User), cancellationToken)
            : await AfterChangeAsync(AccountChangeResult.Invalid("Vui lòng chọn vai trò."), cancellationToken);

    [HttpPost(AdminRoutes.AccountLock)]
    public async Task<IActionResult> Lock(string id, CancellationToken cancellationToken) =>
        await AfterChangeAsync(await accounts.LockAsync(id, User), cancellationToken);

    [HttpPost(AdminRoutes.AccountUnlock)]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken) =>
        await AfterChangeAsync(await accounts.UnlockAsync(id), cancellationToken);

    [HttpGet(AdminRoutes.AccountUnits)]
    public async Task<IActionResult> Units(string id, CancellationToken cancellationToken) =>
        await accounts.GetUnitsAsync(id, cancellationToken) is { } model ? View(model) : NotFoundPage("Không tìm thấy tài khoản này.");

    [HttpPost(AdminRoutes.AccountUnits)]
    public async Task<IActionResult> Units(string id, AccountUnitsInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadInput("Danh sách đơn vị gửi lên không hợp lệ. Vui lòng tải lại trang và chọn lại.");
        }

        var result = await accounts.SetUnitsAsync(id, input.UnitIds, cancellationToken);
        if (result.Status == AccountChangeStatus.NotFound)
        {
            return NotFoundPage(result.Errors[0]);
        }

        if (!result.Succeeded)
        {
            return BadInput(result.Errors[0]);
        }

        TempData["Message"] = result.Message;
        return Redirect(AdminRoutes.Accounts);
    }

    [HttpGet(AdminRoutes.AccountResetPassword)]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var model = await accounts.GetForPasswordResetAsync(id, cancellationToken);
        return model is null ? NotFoundPage("Không tìm thấy tài khoản này.") : View(model);
    }

    [HttpPost(AdminRoutes.AccountResetPassword)]
    public async Task<IActionResult> ResetPassword(string id, PasswordResetInput input, CancellationToken cancellationToken)
    {
        var model = await accounts.GetForPasswordResetAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFoundPage("Không tìm thấy tài khoản này.");
        }

        if (!ModelState.IsValid)
        {
            return InvalidForm(model);
        }

        var result = await accounts.ResetPasswordAsync(id, input.Password, User);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            var view = InvalidForm(model);
            Response.StatusCode = StatusFor(result);
            return view;
        }

        TempData["Message"] = result.Message;
        return Redirect(AdminRoutes.Accounts);
    }

    /// <summary>Back to the list with the outcome: a flash message, or the list again with the refusal and its status.</summary>
    private async Task<IActionResult> AfterChangeAsync(AccountChangeResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = result.Message;
            return Redirect(AdminRoutes.Accounts);
        }

        if (result.Status == AccountChangeStatus.NotFound)
        {
            return NotFoundPage(result.Errors[0]);
        }

        Response.StatusCode = StatusFor(result);
        var list = await accounts.ListAsync(User, cancellationToken);
        return View(nameof(Index), list with { Error = string.Join(" ", result.Errors) });
    }

    private static int StatusFor(AccountChangeResult result) => result.Status switch
    {
        AccountChangeStatus.NotFound => StatusCodes.Status404NotFound,
        AccountChangeStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Passwords are never sent back to the browser.</summary>
    private static AccountCreateInput Blank(AccountCreateInput input) => input with { Password = string.Empty, ConfirmPassword = string.Empty };
}
