using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Accounts;

/// <summary>One row of the staff account list.</summary>
public sealed record StaffAccountRow(
    string Id,
    string Email,
    string DisplayName,
    string Role,
    DateTimeOffset? LockedUntil,
    DateTime? LastSignInUtc,
    bool IsCurrentUser)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>The publishing units the account writes for, by name ("Phường Chợ Lớn, Phường 11"); empty when none.</summary>
    public string UnitNames { get; init; } = string.Empty;

    /// <summary>Locked by an administrator (no end) rather than for a while after too many failed sign-ins.</summary>
    public bool IsLockedByAdministrator => AccountAdministration.IsIndefinite(LockedUntil);
}

public sealed record StaffAccountListViewModel(IReadOnlyList<StaffAccountRow> Accounts, DateTimeOffset Now)
{
    /// <summary>A refusal to show above the list (e.g. an administrator trying to lock themselves).</summary>
    public string? Error { get; init; }
}

public sealed record AccountCreateInput
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(64, ErrorMessage = "Email dài quá 64 ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập tên hiển thị.")]
    [StringLength(100, ErrorMessage = "Tên hiển thị dài quá 100 ký tự.")]
    [Display(Name = "Tên hiển thị")]
    public string DisplayName { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    [Display(Name = "Vai trò")]
    public string Role { get; init; } = StaffRoles.Editor;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu ban đầu.")]
    [StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu ban đầu")]
    public string Password { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu.")]
    [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

public sealed record AccountRoleInput
{
    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    public string Role { get; init; } = string.Empty;
}

public sealed record PasswordResetInput
{
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [StringLength(200, ErrorMessage = "Mật khẩu dài quá 200 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string Password { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
    [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

/// <summary>One unit on the account's units page: ticked when the account writes for it.</summary>
public sealed record UnitCheckbox(int Id, string Name, bool IsCurrent, bool Checked);

/// <summary>The account's units page: whose units, and the units to tick.</summary>
public sealed record AccountUnitsViewModel(string Id, string Email, string DisplayName, string Role, IReadOnlyList<UnitCheckbox> Units);

/// <summary>What the account's units page posts: the ticked units.</summary>
public sealed record AccountUnitsInput
{
    public int[] UnitIds { get; init; } = [];
}

/// <summary>The reset-password page: whose password, and the form.</summary>
public sealed record PasswordResetViewModel(string Id, string Email, string DisplayName);

public enum AccountChangeStatus
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What became of an account change: done, or refused with Vietnamese reasons.</summary>
public sealed record AccountChangeResult(AccountChangeStatus Status, IReadOnlyList<string> Errors, string? Message = null)
{
    public bool Succeeded => Status == AccountChangeStatus.Done;

    public static AccountChangeResult Done(string message) => new(AccountChangeStatus.Done, [], message);

    public static AccountChangeResult NotFound() => new(AccountChangeStatus.NotFound, ["Không tìm thấy tài khoản này."]);

    public static AccountChangeResult Invalid(params IReadOnlyList<string> errors) => new(AccountChangeStatus.Invalid, errors);

    public static AccountChangeResult Conflict(string error) => new(AccountChangeStatus.Conflict, [error]);
}
