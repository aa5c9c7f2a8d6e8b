using System.Globalization;
using System.Net;
using System.Security.Claims;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Accounts;

/// <summary>
/// Sign-in with lockout and throttling, sign-out and own-password change, each written to the audit log. Whoever
/// signs in learns only "signed in", "refused" or "too many attempts": an unknown e-mail, a wrong password, a
/// temporarily locked and an administrator-locked account all answer the same, after the same password-hashing work.
/// The real reason goes to the log and the audit log (docs/decisions/0005-sign-in-throttling.md).
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signInManager,
    UserManager<StaffUser> users,
    IPasswordHasher<StaffUser> passwordHasher,
    NewsDbContext db,
    AuditLog audit,
    SignInThrottle throttle,
    IOptions<IdentityOptions> identityOptions,
    IOptions<RateLimitingOptions> rateLimiting,
    ILogger<StaffSignIn> logger)
{
    private static readonly StaffUser DummyUser = new();
    private static string? _dummyHash;

    public async Task<SignInAttemptResult> SignInAsync(string email, string password, IPAddress? clientAddress)
    {
        email = email.Trim();
        var account = users.NormalizeEmail(email);
        var address = ClientAddress.Key(clientAddress);
        var permit = throttle.Check(account, address);
        if (permit.Refused)
        {
            logger.LogWarning("Sign-in for {Email} from {ClientAddress} refused for {RetryAfter}: too many failures", email, clientAddress, permit.RefusedFor);
            return SignInAttemptResult.Throttled(permit.RefusedFor!.Value);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same hashing work as for a real account, so the time taken does not tell that none exists.
            passwordHasher.VerifyHashedPassword(DummyUser, DummyHash(), password);
            await FailedAsync(email, account, address, clientAddress, SignInFailure.UnknownAccount, counted: false);
            return SignInAttemptResult.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers "locked" before hashing; hash anyway so that a locked account takes as long as any other.
            passwordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(), password);
            var reason = AccountAdministration.IsIndefinite(user.LockoutEnd) ? SignInFailure.LockedByAdministrator : SignInFailure.LockedOut;
            await FailedAsync(email, account, address, clientAddress, reason, counted: false);
            return SignInAttemptResult.Failed;
        }

        if (permit.FailureCounts && !permit.AccountHasRecentCountedFailures && await users.GetAccessFailedCountAsync(user) > 0)
        {
            // Failures older than the window are forgotten: the lockout means "N failures within the window", so
            // a slow trickle of guesses cannot add up to a lockout over hours.
            await users.ResetAccessFailedCountAsync(user);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: permit.FailureCounts);
        if (result.Succeeded)
        {
            throttle.RecordSuccess(account);
            await audit.WriteAsync(AuditActions.SignedIn, "account", user.Email, userName: user.Email);
            return SignInAttemptResult.SignedIn;
        }

        if (result.IsLockedOut)
        {
            var lockout = identityOptions.Value.Lockout;
            logger.LogWarning("Account {Email} locked for {Duration} after {Failures} failed sign-ins, the last from {ClientAddress}",
                user.Email, lockout.DefaultLockoutTimeSpan, lockout.MaxFailedAccessAttempts, clientAddress);
            await audit.WriteAsync(AuditActions.LockedOut, "account", Target(user.Email), string.Create(CultureInfo.InvariantCulture,
                $"{lockout.MaxFailedAccessAttempts} lần đăng nhập sai trong {Minutes(rateLimiting.Value.SignInFailures.Window)}; "
                + $"khóa {Minutes(lockout.DefaultLockoutTimeSpan)}. Lần sai cuối từ địa chỉ {clientAddress?.ToString() ?? "không rõ"}."),
                userName: user.Email);
        }

        await FailedAsync(email, account, address, clientAddress,
            result.IsNotAllowed ? SignInFailure.NotAllowed : SignInFailure.WrongPassword, permit.FailureCounts);
        return SignInAttemptResult.Failed;
    }

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        // A new security stamp makes every copy of this session's cookie fail the stamp check on its next request.
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

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

    /// <summary>
    /// Logs every failure, and audits it boundedly: the first failure of an account from an address in a window gets
    /// a row, and the later ones only raise that row's count.
    /// </summary>
    private async Task FailedAsync(string email, string account, string address, IPAddress? clientAddress, SignInFailure reason, bool counted)
    {
        logger.LogWarning("Failed sign-in for {Email} from {ClientAddress}: {Reason} (counts towards lockout: {Counted})",
            email, clientAddress, reason, counted);
        var record = throttle.RecordFailure(account, address, counted);
        var details = string.Create(CultureInfo.InvariantCulture,
            $"{ReasonText(reason)}. Từ địa chỉ {clientAddress?.ToString() ?? "không rõ"}: {record.Count} lần đăng nhập thất bại "
            + $"trong {Minutes(rateLimiting.Value.SignInFailures.Window)} kể từ mục này (lý do ghi là của lần gần nhất).");
        if (record.NewRow)
        {
            var entry = audit.Add(AuditActions.SignInFailed, "account", Target(email), details, userName: email);
            await db.SaveChangesAsync();
            throttle.SetAuditRow(account, address, entry.Id);
        }
        else if (record.RowId is { } rowId)
        {
            await db.AuditEntries.Where(a => a.Id == rowId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, details));
        }
    }

    private string DummyHash() => _dummyHash ??= passwordHasher.HashPassword(DummyUser, Guid.NewGuid().ToString());

    private static string ReasonText(SignInFailure reason) => reason switch
    {
        SignInFailure.UnknownAccount => "Không có tài khoản này",
        SignInFailure.LockedOut => "Tài khoản đang bị khóa tạm thời vì đăng nhập sai nhiều lần",
        SignInFailure.LockedByAdministrator => "Tài khoản đã bị quản trị viên khóa",
        SignInFailure.NotAllowed => "Tài khoản không được phép đăng nhập",
        _ => "Sai mật khẩu",
    };

    private static string Minutes(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} phút");

    /// <summary>The audit log keeps at most 64 characters of a target.</summary>
    private static string Target(string? email) => email is { Length: > 64 } ? email[..64] : email ?? string.Empty;
}
