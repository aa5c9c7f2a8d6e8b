using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Accounts;

public sealed record SignInInput
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email dài tối đa 256 ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(200, ErrorMessage = "Mật khẩu dài tối đa 200 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; init; } = string.Empty;

    [StringLength(2000, ErrorMessage = "Địa chỉ quay lại dài quá 2.000 ký tự.")]
    public string? ReturnUrl { get; init; }
}

public sealed record ChangePasswordInput
{
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu hiện tại")]
    public string CurrentPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Mật khẩu mới phải có từ 10 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string NewPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

/// <summary>What the person signing in is told: nothing about whether the account exists or why it was refused.</summary>
public enum SignInOutcome
{
    SignedIn,
    Failed,

    /// <summary>Too many failures from this address or on this account: refused before the password was checked.</summary>
    Throttled,
}

public sealed record SignInAttemptResult(SignInOutcome Outcome, TimeSpan RetryAfter)
{
    public static readonly SignInAttemptResult SignedIn = new(SignInOutcome.SignedIn, TimeSpan.Zero);

    public static readonly SignInAttemptResult Failed = new(SignInOutcome.Failed, TimeSpan.Zero);

    public static SignInAttemptResult Throttled(TimeSpan retryAfter) => new(SignInOutcome.Throttled, retryAfter);
}

/// <summary>Why a sign-in failed: for the log and the audit log only, never for the page.</summary>
public enum SignInFailure
{
    UnknownAccount,
    WrongPassword,
    LockedOut,

    /// <summary>Locked by an administrator, with no end.</summary>
    LockedByAdministrator,
    NotAllowed,
}

public static class SignInMessages
{
    /// <summary>The one answer to every refused sign-in, whatever the reason (no account enumeration).</summary>
    public const string Refused =
        "Không đăng nhập được: email hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa. "
        + "Nếu chắc chắn đã nhập đúng, hãy thử lại sau ít phút hoặc liên hệ quản trị viên.";
}
