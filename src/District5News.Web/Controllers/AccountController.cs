using District5News.Web.Features.Accounts;
using District5News.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace District5News.Web.Controllers;

/// <summary>Staff sign-in, sign-out and own password. There is no self-registration.</summary>
[Route("tai-khoan")]
public sealed class AccountController(StaffSignIn signIn) : Controller
{
    [HttpGet("dang-nhap")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInInput { ReturnUrl = returnUrl });

    [HttpPost("dang-nhap")]
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
                return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/admin");
            case SignInOutcome.Throttled:
                return this.TooManyRequestsPage(result.RetryAfter);
            default:
                ModelState.AddModelError(string.Empty, SignInMessages.Refused);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(input with { Password = string.Empty });
        }
    }

    [Authorize]
    [HttpPost("dang-xuat")]
    public async Task<IActionResult> SignOutStaff()
    {
        await signIn.SignOutAsync(User);
        return LocalRedirect("/");
    }

    [Authorize]
    [HttpGet("doi-mat-khau")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [Authorize]
    [HttpPost("doi-mat-khau")]
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

    [HttpGet("khong-co-quyen")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/Error/Forbidden.cshtml");
    }
}
