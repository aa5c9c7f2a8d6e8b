using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin;

public sealed class AccessTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    [Fact]
    public async Task Anonymous_AdminPage_IsSentToSignIn()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/dang-nhap?ReturnUrl=%2Fadmin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_IsVietnameseFormWithEmailAndPassword()
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/tai-khoan/dang-nhap");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("form[action='/tai-khoan/dang-nhap'] input[name=Email]"));
        Assert.NotNull(page.QuerySelector("form[action='/tai-khoan/dang-nhap'] input[name=Password][type=password]"));
        Assert.Equal("Đăng nhập dành cho cán bộ", page.Text("h1"));
    }

    [Fact]
    public async Task Editor_SeesDashboard()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var (response, page) = await Html.GetAsync(editor, "/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-test=dashboard]"));
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedAndAudited()
    {
        var email = $"sai-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Editor);

        var response = await app.CreateBrowser().PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new()
        {
            ["Email"] = email,
            ["Password"] = "KhongDung#2026x",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SignInMessages.Refused, (await Html.ParseAsync(response)).Text("[role=alert]"));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.SignInFailed, actions);
    }

    [Fact]
    public async Task SignIn_FiveFailuresFromDifferentAddresses_LockTheAccountEvenForTheRightPassword()
    {
        var email = $"khoa-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Editor);
        for (var i = 0; i < 5; i++)
        {
            await app.CreateBrowser().PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = "KhongDung#2026x" });
        }

        var response = await app.CreateBrowser().PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = Staff.Password });

        // Refused with the same answer as a wrong password: the page does not tell that the account exists and is locked.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SignInMessages.Refused, (await Html.ParseAsync(response)).Text("[role=alert]"));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.LockedOut, actions);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var email = $"token-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Administrator);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Staff.Password });

        var response = await app.CreateBrowser().PostAsync(new Uri("/tai-khoan/dang-nhap", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var response = await editor.PostFormAsync("/admin", "/tai-khoan/dang-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await editor.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WeakPassword_IsRefusedWithVietnameseReason()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var response = await editor.PostFormAsync("/tai-khoan/doi-mat-khau", "/tai-khoan/doi-mat-khau", new()
        {
            ["CurrentPassword"] = Staff.Password,
            ["NewPassword"] = "matkhau1234",
            ["ConfirmPassword"] = "matkhau1234",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mật khẩu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlySecureAndLax()
    {
        var email = $"cookie-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Editor);

        var response = await app.CreateBrowser().PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = Staff.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("d5_staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
    }
}
