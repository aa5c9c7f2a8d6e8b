using System.Security.Claims;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Accounts;

/// <summary>
/// The administrator's staff-account page: list, create, change role, lock, unlock, reset password. Each change is
/// written to the audit log. An administrator may not lock or demote their own account, so there is always at least
/// one administrator left who can sign in.
/// </summary>
public sealed class AccountAdministration(
    NewsDbContext db, UserManager<StaffUser> users, StaffAccounts accounts, AuditLog audit, StaffUnitMemberships memberships, UnitDirectory units,
    TimeProvider clock)
{
    /// <summary>An administrator's lock has no end; Identity's own lockout after failed sign-ins lasts minutes.</summary>
    public static readonly DateTimeOffset IndefiniteLock = DateTimeOffset.MaxValue;


    public static bool IsIndefinite(DateTimeOffset? lockedUntil) => lockedUntil is { } until && until.Year >= 9999;

    public async Task<StaffAccountListViewModel> ListAsync(ClaimsPrincipal currentUser, CancellationToken cancellationToken)
    {
        var currentId = users.GetUserId(currentUser);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Sign-ins are audited under the account's email, so the last one is the latest such entry.
        var emails = rows.Select(r => r.Email).OfType<string>().ToList();
        var lastSignIns = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.SignedIn && a.UserName != null && emails.Contains(a.UserName))
            .GroupBy(a => a.UserName!)
            .Select(g => new { UserName = g.Key, Last = g.Max(a => a.AtUtc) })
            .ToDictionaryAsync(g => g.UserName, g => g.Last, cancellationToken);

        var snapshot = await units.GetAsync(cancellationToken);
        var unitsOf = (await db.StaffUnitMemberships.AsNoTracking().Select(m => new { m.UserId, m.UnitId }).ToListAsync(cancellationToken))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => StaffUnitMemberships.Names(snapshot, g.Select(m => m.UnitId)));
        var accountRows = rows.Select(r => new StaffAccountRow(
                r.Id,
                r.Email ?? string.Empty,
                r.DisplayName ?? string.Empty,
                r.Roles.Contains(StaffRoles.Administrator) ? StaffRoles.Administrator : r.Roles.FirstOrDefault() ?? string.Empty,
                r.LockoutEnd,
                r.Email is not null && lastSignIns.TryGetValue(r.Email, out var last) ? last : null,
                r.Id == currentId)
            {
                UnitNames = unitsOf.GetValueOrDefault(r.Id) ?? string.Empty,
            })
            .ToList();
        return new StaffAccountListViewModel(accountRows, clock.GetUtcNow());
    }

    public async Task<PasswordResetViewModel?> GetForPasswordResetAsync(string id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new PasswordResetViewModel(u.Id, u.Email ?? string.Empty, u.DisplayName ?? string.Empty))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The account's units page; null when there is no such account.</summary>
    public async Task<AccountUnitsViewModel?> GetUnitsAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var mine = (await memberships.GetAsync(id, cancellationToken)).ToHashSet();
        var snapshot = await units.GetAsync(cancellationToken);
        var role = user.Roles.Contains(StaffRoles.Administrator) ? StaffRoles.Administrator : user.Roles.FirstOrDefault() ?? string.Empty;
        return new AccountUnitsViewModel(user.Id, user.Email ?? string.Empty, user.DisplayName ?? string.Empty, role,
            snapshot.All.OrderBy(u => u.IsCurrent ? 0 : 1).ThenBy(u => u.SortOrder)
                .Select(u => new UnitCheckbox(u.Id, u.Name, u.IsCurrent, mine.Contains(u.Id))).ToList());
    }

    /// <summary>Makes <paramref name="unitIds"/> the units the account writes for; audited with the units before and after.</summary>
    public async Task<AccountChangeResult> SetUnitsAsync(string id, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AccountChangeResult.NotFound();
        }

        var snapshot = await units.GetAsync(cancellationToken);
        if (unitIds.Any(u => snapshot.ById(u) is null))
        {
            return AccountChangeResult.Invalid("Có đơn vị không tồn tại. Vui lòng tải lại trang và chọn lại.");
        }

        var changed = await memberships.SetAsync(user.Id, user.Email, unitIds, actor: null, cancellationToken);
        var names = StaffUnitMemberships.Names(snapshot, unitIds);
        return AccountChangeResult.Done(changed
            ? $"Đã giao đơn vị cho {user.Email}: {names}."
            : $"Đơn vị của {user.Email} không thay đổi: {names}.");
    }

    public async Task<AccountChangeResult> CreateAsync(AccountCreateInput input)
    {
        if (!StaffRoles.All.Contains(input.Role))
        {
            return AccountChangeResult.Invalid("Vai trò không hợp lệ.");
        }

        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountChangeResult.Conflict($"Địa chỉ “{email}” đã được dùng cho tài khoản khác.");
        }

        await accounts.EnsureRolesAsync();
        var displayName = VietnameseTextTrim(input.DisplayName);
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return AccountChangeResult.Invalid(Descriptions(created));
        }

        var added = await users.AddToRoleAsync(user, input.Role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return AccountChangeResult.Invalid(Descriptions(added));
        }

        await audit.WriteAsync(AuditActions.AccountCreated, AuditTargets.Account, Target(email),
            $"Tên hiển thị: {displayName}; vai trò: {StaffRoles.DisplayName(input.Role)}");
        return AccountChangeResult.Done($"Đã tạo tài khoản {email} ({StaffRoles.DisplayName(input.Role)}).");
    }

    public async Task<AccountChangeResult> ChangeRoleAsync(string id, string role, ClaimsPrincipal currentUser)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return AccountChangeResult.Invalid("Vai trò không hợp lệ.");
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AccountChangeResult.NotFound();
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return AccountChangeResult.Done($"Tài khoản {user.Email} đã có vai trò {StaffRoles.DisplayName(role)}.");
        }

        if (IsSelf(user, currentUser) && role != StaffRoles.Administrator)
        {
            return AccountChangeResult.Conflict(
                "Bạn không thể tự bỏ quyền quản trị của chính mình. Hãy nhờ một quản trị viên khác thực hiện.");
        }

        await accounts.EnsureRolesAsync();
        var removed = await users.RemoveFromRolesAsync(user, current.Where(r => r != role));
        var added = current.Contains(role) ? IdentityResult.Success : await users.AddToRoleAsync(user, role);
        if (!removed.Succeeded || !added.Succeeded)
        {
            return AccountChangeResult.Invalid([.. Descriptions(removed), .. Descriptions(added)]);
        }

        var before = current.Count == 0 ? "không có" : string.Join(", ", current.Select(StaffRoles.DisplayName));
        await audit.WriteAsync(AuditActions.AccountChanged, AuditTargets.Account, Target(user.Email),
            $"Đổi vai trò: {before} → {StaffRoles.DisplayName(role)}");
        return AccountChangeResult.Done($"Đã đổi vai trò của {user.Email} thành {StaffRoles.DisplayName(role)}.");
    }

    public async Task<AccountChangeResult> LockAsync(string id, ClaimsPrincipal currentUser)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AccountChangeResult.NotFound();
        }

        if (IsSelf(user, currentUser))
        {
            return AccountChangeResult.Conflict("Bạn không thể tự khóa tài khoản của chính mình.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        var locked = await users.SetLockoutEndDateAsync(user, IndefiniteLock);
        if (!locked.Succeeded)
        {
            return AccountChangeResult.Invalid(Descriptions(locked));
        }

        // A new security stamp ends the sessions the account already has (checked by the security stamp validator).
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.AccountChanged, AuditTargets.Account, Target(user.Email), "Khóa tài khoản");
        return AccountChangeResult.Done($"Đã khóa tài khoản {user.Email}.");
    }

    public async Task<AccountChangeResult> UnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AccountChangeResult.NotFound();
        }

        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (!unlocked.Succeeded)
        {
            return AccountChangeResult.Invalid(Descriptions(unlocked));
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditActions.AccountChanged, AuditTargets.Account, Target(user.Email), "Mở khóa tài khoản");
        return AccountChangeResult.Done($"Đã mở khóa tài khoản {user.Email}.");
    }

    public async Task<AccountChangeResult> ResetPasswordAsync(string id, string password, ClaimsPrincipal currentUser)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AccountChangeResult.NotFound();
        }

        if (IsSelf(user, currentUser))
        {
            // Resetting would also end the administrator's own session; the change-password page keeps it.
            return AccountChangeResult.Conflict("Để đổi mật khẩu của chính mình, hãy dùng trang “Đổi mật khẩu”.");
        }

        // Resetting with a token changes the security stamp, so sessions opened with the old password end too.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return AccountChangeResult.Invalid(Descriptions(reset));
        }

        await audit.WriteAsync(AuditActions.AccountChanged, AuditTargets.Account, Target(user.Email), "Đặt lại mật khẩu");
        return AccountChangeResult.Done($"Đã đặt lại mật khẩu cho {user.Email}.");
    }

    private bool IsSelf(StaffUser user, ClaimsPrincipal currentUser) => users.GetUserId(currentUser) == user.Id;

    private static List<string> Descriptions(IdentityResult result) => result.Errors.Select(e => e.Description).ToList();

    private static string VietnameseTextTrim(string text) => Vietnamese.VietnameseText.Normalize(text).Trim();

    /// <summary>The audit log keeps at most 64 characters of a target.</summary>
    private static string? Target(string? email) => email is { Length: > 64 } ? email[..64] : email;
}
