using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Administration;

public sealed class AccountAdministrationTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>, IAsyncLifetime
{
    private const string NewPassword = "Phuong#Moi2026x";
    private const string List = "/admin/tai-khoan";

    private HttpClient _admin = null!;
    private string _adminEmail = string.Empty;

    public async Task InitializeAsync()
    {
        _adminEmail = AdministrationHelpers.NewEmail("quantri");
        _admin = await app.SignInAsync(StaffRoles.Administrator, _adminEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_WeakPassword_IsRefusedWithVietnameseReason()
    {
        var email = AdministrationHelpers.NewEmail("yeu");

        var response = await CreateAsync(email, "Nguyễn Văn Yếu", StaffRoles.Editor, "ngan1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var errors = page.Text("[data-test=form-errors]");
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", errors, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa.", errors, StringComparison.Ordinal);
        Assert.Equal(email, page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name=Password]")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Create_CommonPassword_IsRefused()
    {
        var email = AdministrationHelpers.NewEmail("pho-bien");

        var response = await CreateAsync(email, "Phổ Biến", StaffRoles.Editor, "Matkhau2026ABC");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mật khẩu quá dễ đoán", (await Html.ParseAsync(response)).Text("[data-test=form-errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingFieldsOrMismatchedConfirmation_IsRefused()
    {
        var response = await _admin.PostFormAsync($"{List}/tao-moi", $"{List}/tao-moi", new()
        {
            ["Email"] = "khong-phai-email",
            ["DisplayName"] = string.Empty,
            ["Role"] = StaffRoles.Editor,
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword + "x",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Html.ParseAsync(response)).Text("[data-test=form-errors]");
        Assert.Contains("Email không hợp lệ.", errors, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập tên hiển thị.", errors, StringComparison.Ordinal);
        Assert.Contains("Hai lần nhập mật khẩu không khớp.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownRole_IsRefused()
    {
        var response = await CreateAsync(AdministrationHelpers.NewEmail("vai-tro"), "Vai Trò Lạ", "Superuser", NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vai trò không hợp lệ.", (await Html.ParseAsync(response)).Text("[data-test=form-errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ExistingEmail_IsAConflict()
    {
        var email = AdministrationHelpers.NewEmail("trung");
        await app.EnsureAccountAsync(email, StaffRoles.Editor);

        var response = await CreateAsync(email, "Trùng Lặp", StaffRoles.Editor, NewPassword);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("đã được dùng cho tài khoản khác", (await Html.ParseAsync(response)).Text("[data-test=form-errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NewEditor_IsListedAuditedAndCanSignInAsEditor()
    {
        var email = AdministrationHelpers.NewEmail("moi");

        var response = await CreateAsync(email, "Trần Thị Bích Ngọc", StaffRoles.Editor, NewPassword);

        Assert.Equal(List, response.RedirectTarget());
        var (_, list) = await Html.GetAsync(_admin, List);
        Assert.Contains(email, list.Text("[data-test=flash]"), StringComparison.Ordinal);
        var row = Row(list, email);
        Assert.Equal("Trần Thị Bích Ngọc", row.QuerySelector("[data-test=account-name]")!.TextContent.Trim());
        Assert.Equal("Biên tập viên", row.QuerySelector("[data-test=account-role]")!.TextContent.Trim());
        Assert.Equal("Chưa đăng nhập", row.QuerySelector("[data-test=account-last-signin]")!.TextContent.Trim());

        var (signIn, editor) = await app.TrySignInAsync(email, NewPassword);
        Assert.Equal("/admin", signIn.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, await editor.StatusAsync("/admin"));
        Assert.Equal(HttpStatusCode.Redirect, await editor.StatusAsync(List));

        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.AccountCreated && a.TargetId == email));
        Assert.Equal(_adminEmail, entry.UserName);
        Assert.Contains("Trần Thị Bích Ngọc", entry.Details, StringComparison.Ordinal);
        Assert.Contains("Biên tập viên", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsLastSignInFromTheAuditLog()
    {
        // 20 Nov 2026 06:07:09 UTC, 1:07:09 CH in Vietnam; later than the class's start and the few minutes other tests
        // move the clock, and within the administrator's eight-hour session.
        var signInAt = new DateTimeOffset(2026, 11, 20, 6, 7, 9, TimeSpan.Zero);
        Assert.True(app.Clock.GetUtcNow() < signInAt, "The clock must move forward only.");
        app.Clock.Set(signInAt);
        var email = AdministrationHelpers.NewEmail("gan-nhat");
        await app.SignInAsync(StaffRoles.Editor, email);

        var (_, list) = await Html.GetAsync(_admin, List);

        Assert.Equal("20 Tháng Mười Một 2026 1:07:09 CH", Row(list, email).QuerySelector("[data-test=account-last-signin]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Lock_StopsSignInAndOpenSessions_UnlockAllowsSignInAgain()
    {
        var email = AdministrationHelpers.NewEmail("khoa");
        var session = await app.SignInAsync(StaffRoles.Editor, email);
        var id = await app.AccountIdAsync(email);

        var locked = await _admin.PostFormAsync(List, $"{List}/{id}/khoa", []);

        Assert.Equal(List, locked.RedirectTarget());
        var (refused, _) = await app.TrySignInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(SignInMessages.Refused, (await Html.ParseAsync(refused)).Text("[role=alert]"));
        var (_, list) = await Html.GetAsync(_admin, List);
        Assert.Equal("true", Row(list, email).GetAttribute("data-locked"));
        Assert.NotNull(Row(list, email).QuerySelector("[data-test=unlock]"));

        // The session opened before the lock ends at the next security-stamp check.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.StartsWith("/tai-khoan/dang-nhap", (await session.GetAsync(new Uri("/admin", UriKind.Relative))).RedirectTarget(), StringComparison.Ordinal);

        var unlocked = await _admin.PostFormAsync(List, $"{List}/{id}/mo-khoa", []);

        Assert.Equal(List, unlocked.RedirectTarget());
        var (allowed, _) = await app.TrySignInAsync(email, Staff.Password);
        Assert.Equal("/admin", allowed.RedirectTarget());
        var details = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditActions.AccountChanged && a.TargetId == email).Select(a => a.Details).ToListAsync());
        Assert.Contains("Khóa tài khoản", details);
        Assert.Contains("Mở khóa tài khoản", details);
    }

    [Fact]
    public async Task ResetPassword_NewPasswordWorks_OldOneNoLonger()
    {
        var email = AdministrationHelpers.NewEmail("dat-lai");
        await app.EnsureAccountAsync(email, StaffRoles.Editor);
        var id = await app.AccountIdAsync(email);
        var form = $"{List}/{id}/dat-lai-mat-khau";
        var (_, formPage) = await Html.GetAsync(_admin, form);
        Assert.Equal(email, formPage.Text("[data-test=reset-email]"));

        var response = await _admin.PostFormAsync(form, form, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(List, response.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.TrySignInAsync(email, Staff.Password)).Response.StatusCode);
        Assert.Equal("/admin", (await app.TrySignInAsync(email, NewPassword)).Response.RedirectTarget());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.AccountChanged && a.TargetId == email && a.Details == "Đặt lại mật khẩu")));
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_IsRefusedWithVietnameseReason()
    {
        var email = AdministrationHelpers.NewEmail("dat-lai-yeu");
        await app.EnsureAccountAsync(email, StaffRoles.Editor);
        var form = $"{List}/{await app.AccountIdAsync(email)}/dat-lai-mat-khau";

        var response = await _admin.PostFormAsync(form, form, new() { ["Password"] = "abcdefghijk", ["ConfirmPassword"] = "abcdefghijk" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Html.ParseAsync(response)).Text("[data-test=form-errors]");
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số.", errors, StringComparison.Ordinal);
        Assert.Equal("/admin", (await app.TrySignInAsync(email, Staff.Password)).Response.RedirectTarget());
    }

    [Fact]
    public async Task ChangeRole_ToAdministrator_TakesEffectInNewAndOpenSessions()
    {
        var email = AdministrationHelpers.NewEmail("thang-cap");
        var session = await app.SignInAsync(StaffRoles.Editor, email);
        Assert.Equal(HttpStatusCode.Redirect, await session.StatusAsync("/admin/thong-ke"));

        var response = await _admin.PostFormAsync(List, $"{List}/{await app.AccountIdAsync(email)}/vai-tro", new() { ["Role"] = StaffRoles.Administrator });

        Assert.Equal(List, response.RedirectTarget());
        var (_, fresh) = await app.TrySignInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.OK, await fresh.StatusAsync("/admin/thong-ke"));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, await session.StatusAsync("/admin/thong-ke"));
        var (_, list) = await Html.GetAsync(_admin, List);
        Assert.Equal("Quản trị viên", Row(list, email).QuerySelector("[data-test=account-role]")!.TextContent.Trim());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.AccountChanged && a.TargetId == email && a.Details == "Đổi vai trò: Biên tập viên → Quản trị viên")));
    }

    [Fact]
    public async Task ChangeRole_OtherAdministratorToEditor_LosesAdministration()
    {
        var email = AdministrationHelpers.NewEmail("ha-cap");
        await app.SignInAsync(StaffRoles.Administrator, email);

        var response = await _admin.PostFormAsync(List, $"{List}/{await app.AccountIdAsync(email)}/vai-tro", new() { ["Role"] = StaffRoles.Editor });

        Assert.Equal(List, response.RedirectTarget());
        var (_, fresh) = await app.TrySignInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.OK, await fresh.StatusAsync("/admin"));
        Assert.Equal(HttpStatusCode.Redirect, await fresh.StatusAsync("/admin/tai-khoan"));
    }

    [Fact]
    public async Task ChangeRole_UnknownRole_IsRefused()
    {
        var email = AdministrationHelpers.NewEmail("vai-tro-la");
        await app.EnsureAccountAsync(email, StaffRoles.Editor);

        var response = await _admin.PostFormAsync(List, $"{List}/{await app.AccountIdAsync(email)}/vai-tro", new() { ["Role"] = "Root" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Vai trò không hợp lệ.", (await Html.ParseAsync(response)).Text("[data-test=error-message]"));
    }

    [Theory]
    [InlineData("khoa", "Bạn không thể tự khóa tài khoản của chính mình.")]
    [InlineData("vai-tro", "Bạn không thể tự bỏ quyền quản trị của chính mình.")]
    [InlineData("dat-lai-mat-khau", "Để đổi mật khẩu của chính mình, hãy dùng trang “Đổi mật khẩu”.")]
    public async Task OwnAccount_LockDemoteOrReset_IsRefusedWithAClearMessage(string action, string message)
    {
        var id = await app.AccountIdAsync(_adminEmail);
        var fields = new Dictionary<string, string> { ["Role"] = StaffRoles.Editor, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword };

        var response = await _admin.PostFormAsync(List, $"{List}/{id}/{action}", fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await _admin.StatusAsync(List));
        Assert.Equal("/admin", (await app.TrySignInAsync(_adminEmail, Staff.Password)).Response.RedirectTarget());
    }

    [Fact]
    public async Task OwnAccount_HasNoLockOrRoleControls()
    {
        var (_, list) = await Html.GetAsync(_admin, List);

        var row = Row(list, _adminEmail);
        Assert.Null(row.QuerySelector("[data-test=lock]"));
        Assert.Null(row.QuerySelector("[data-test=role-form]"));
    }

    [Theory]
    [InlineData("khoa")]
    [InlineData("mo-khoa")]
    [InlineData("vai-tro")]
    [InlineData("dat-lai-mat-khau")]
    public async Task UnknownAccount_Is404(string action)
    {
        var response = await _admin.PostFormAsync(List, $"{List}/khong-ton-tai/{action}",
            new() { ["Role"] = StaffRoles.Editor, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy tài khoản này.", (await Html.ParseAsync(response)).Text("[data-test=error-message]"));
    }

    private Task<HttpResponseMessage> CreateAsync(string email, string displayName, string role, string password) =>
        _admin.PostFormAsync($"{List}/tao-moi", $"{List}/tao-moi", new()
        {
            ["Email"] = email,
            ["DisplayName"] = displayName,
            ["Role"] = role,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });

    private static AngleSharp.Dom.IElement Row(AngleSharp.Dom.IDocument list, string email) =>
        list.QuerySelectorAll("[data-test=account-row]").Single(r => r.GetAttribute("data-email") == email);
}
