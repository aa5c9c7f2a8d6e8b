using District5News.Web.Features.Accounts;
using District5News.Web.Hosting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace District5News.Web.Controllers;

/// <summary>Staff sign-in, sign-out and own password. There is no self-registration.</summary>
public sealed class AccountController(StaffSignIn signIn) : Controller
{
    [HttpGet(AccountRoutes.SignIn)]
    public IActionResult SignIn(string? returnUrl) => View(new SignInInput { ReturnUrl = returnUrl });

    [HttpPost(AccountRoutes.SignIn)]
    [EnableRateLimiting(RateLimitingExtensions.SignInPolicy)]
    public async Task<IActionResult> SignIn(SignInInput input)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(input);
        }

        var result = await signIn.SignInAsync(input.Email, input.Password, HttpContext.Connection.RemoteIpAddress);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : AdminRoutes.Dashboard);
            case SignInOutcome.Throttled:
                return this.TooManyRequestsPage(result.RetryAfter);
            default:
                ModelState.AddModelError(string.Empty, SignInMessages.Refused);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(input with { Password = string.Empty });
        }
    }

    [Authorize]
    [HttpPost(AccountRoutes.SignOut)]
    public async Task<IActionResult> SignOutStaff()
    {
        await signIn.SignOutAsync(User);
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
