using System.Security.Claims;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace District5News.Web.Features.Accounts;

/// <summary>Sign-in with lockout, sign-out and own-password change, each written to the audit log.</summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signInManager, UserManager<StaffUser> users, AuditLog audit)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, "account", email.Trim(), "Không có tài khoản này", userName: email.Trim());
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignedIn, "account", user.Email, userName: user.Email);
            return SignInOutcome.Succeeded;
        }

        if (result.IsLockedOut && AccountAdministration.IsIndefinite(user.LockoutEnd))
        {
            await audit.WriteAsync(AuditActions.SignInFailed, "account", user.Email, "Tài khoản đã bị quản trị viên khóa", userName: user.Email);
            return SignInOutcome.Disabled;
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, "account", user.Email, "Đăng nhập sai quá 5 lần", userName: user.Email);
            return SignInOutcome.LockedOut;
        }

        await audit.WriteAsync(AuditActions.SignInFailed, "account", user.Email, "Sai mật khẩu", userName: user.Email);
        return SignInOutcome.Failed;
    }

    public async Task SignOutAsync()
    {
        await audit.WriteAsync(AuditActions.SignedOut, "account");
        await signInManager.SignOutAsync();
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(ClaimsPrincipal principal, string current, string next)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return ["Không tìm thấy tài khoản."];
        }

        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        await signInManager.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditActions.PasswordChanged, "account", user.Email);
        return [];
    }
}
