using District5News.Web.Routing;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>Staff sign-in, sign-out and own password. There is no self-registration.</summary>
public sealed class AccountController(StaffSignIn signIn) : Controller
{
    [HttpGet(AccountRoutes.SignIn)]
    public IActionResult SignIn(string? returnUrl) => View(new SignInInput { ReturnUrl = returnUrl });

    [HttpPost(AccountRoutes.SignIn)]
    public async Task<IActionResult> SignIn(SignInInput input)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(input);
        }

        var outcome = await signIn.SignInAsync(input.Email, input.Password);
        if (outcome != SignInOutcome.Succeeded)
        {
            ModelState.AddModelError(string.Empty, outcome switch
            {
                SignInOutcome.LockedOut => "Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
                SignInOutcome.Disabled => "Tài khoản này đã bị quản trị viên khóa. Vui lòng liên hệ quản trị viên.",
                _ => "Email hoặc mật khẩu không đúng.",
            });
            Response.StatusCode = outcome switch
            {
                SignInOutcome.LockedOut => StatusCodes.Status429TooManyRequests,
                SignInOutcome.Disabled => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            return View(input with { Password = string.Empty });
        }

        return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : AdminRoutes.Dashboard);
    }

    [Authorize]
    [HttpPost(AccountRoutes.SignOut)]
    public async Task<IActionResult> SignOutStaff()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(SiteRoutes.Home);
    }

    [Authorize]
    [HttpGet(AccountRoutes.ChangePassword)]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [Authorize]
    [HttpPost(AccountRoutes.ChangePassword)]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        if (ModelState.IsValid)
        {
            var errors = await signIn.ChangePasswordAsync(User, input.CurrentPassword, input.NewPassword);
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            if (errors.Count == 0)
            {
                TempData["Message"] = "Đã đổi mật khẩu.";
                return RedirectToAction(nameof(ChangePassword));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new ChangePasswordInput());
    }

    [HttpGet(AccountRoutes.AccessDenied)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/Error/Forbidden.cshtml");
    }
}
