using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Units;
using Microsoft.AspNetCore.Identity;

namespace District5News.Web.Features.Accounts;

/// <summary>Creating staff accounts and setting their passwords and roles: used by the create-user command and the admin pages.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, AuditLog audit, StaffUnitMemberships memberships)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates the account, or resets its password and role when it exists. Returns the errors, if any.</summary>
    /// <param name="unitIds">The publishing units the account writes for (replacing any it had); null leaves them as they are.</param>
    public async Task<(bool Created, IReadOnlyList<string> Errors)> CreateOrResetAsync(
        string email, string role, string password, string? actor = null, IReadOnlyList<int>? unitIds = null)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return (false, [$"Vai trò không hợp lệ: “{role}”. Chọn {StaffRoles.Editor} hoặc {StaffRoles.Administrator}."]);
        }

        await EnsureRolesAsync();
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return (false, result.Errors.Select(e => e.Description).ToList());
            }
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, password);
                if (!check.Succeeded)
                {
                    return (false, check.Errors.Select(e => e.Description).ToList());
                }
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return (false, reset.Errors.Select(e => e.Description).ToList());
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => r != role));
        if (!current.Contains(role))
        {
            await users.AddToRoleAsync(user, role);
        }

        await audit.WriteAsync(created ? AuditActions.AccountCreated : AuditActions.AccountChanged, "account", email,
            created ? $"Vai trò: {StaffRoles.DisplayName(role)}" : $"Đặt lại mật khẩu, vai trò: {StaffRoles.DisplayName(role)}",
            userName: actor);
        if (unitIds is not null)
        {
            await memberships.SetAsync(user.Id, email, unitIds, actor);
        }

        return (created, []);
    }
}
