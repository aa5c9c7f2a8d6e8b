using Microsoft.AspNetCore.Identity;

namespace District5News.Web.Features.Accounts;

/// <summary>Identity's messages in Vietnamese, for staff.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Đã có lỗi xảy ra.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi; vui lòng thử lại.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mật khẩu không đúng.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Mã xác nhận không hợp lệ.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Tên đăng nhập “{userName}” không hợp lệ.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Địa chỉ thư điện tử “{email}” không hợp lệ.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Tài khoản “{userName}” đã tồn tại.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Địa chỉ “{email}” đã được dùng cho tài khoản khác.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"Vai trò “{role}” không hợp lệ.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Tài khoản đã có vai trò {StaffRoles.DisplayName(role)}.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Tài khoản không có vai trò {StaffRoles.DisplayName(role)}.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ ! @ # $).");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>Refuses passwords that are common, or that contain the account's own name, whatever their length.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<Data.Entities.StaffUser>
{
    private static readonly string[] Common =
    [
        "password", "matkhau", "123456", "12345678", "123456789", "1234567890", "qwerty", "abc123", "111111", "admin",
        "administrator", "quantri", "iloveyou", "welcome", "letmein", "quan5", "district5", "tintuc", "hochiminh", "vietnam",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<Data.Entities.StaffUser> manager, Data.Entities.StaffUser user, string? password)
    {
        var lowered = (password ?? string.Empty).ToLowerInvariant();
        var local = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0].ToLowerInvariant();
        if (Common.Any(c => lowered.Contains(c, StringComparison.Ordinal)) || (local.Length >= 4 && lowered.Contains(local, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Mật khẩu quá dễ đoán (chứa từ phổ biến hoặc tên tài khoản). Hãy chọn mật khẩu khác.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
