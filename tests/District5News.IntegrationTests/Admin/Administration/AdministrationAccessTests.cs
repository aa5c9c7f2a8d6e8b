using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Administration;

/// <summary>Every administration page and form: anonymous to sign-in, editors refused with the Vietnamese 403 page, administrators served.</summary>
public sealed class AdministrationAccessTests(AdministrationAccessTests.Fixture fixture) : IClassFixture<AdministrationAccessTests.Fixture>
{
    public static TheoryData<string> Pages => new()
    {
        "/admin/tai-khoan",
        "/admin/tai-khoan/tao-moi",
        "/admin/tai-khoan/{id}/dat-lai-mat-khau",
        "/admin/thong-ke",
        "/admin/thong-ke?khoang=90",
        "/admin/thong-ke/csv",
        "/admin/nhat-ky",
    };

    public static TheoryData<string> Posts => new()
    {
        "/admin/tai-khoan/tao-moi",
        "/admin/tai-khoan/{id}/vai-tro",
        "/admin/tai-khoan/{id}/khoa",
        "/admin/tai-khoan/{id}/mo-khoa",
        "/admin/tai-khoan/{id}/dat-lai-mat-khau",
    };

    private NewsAppFactory App => fixture.App;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Anonymous_IsSentToSignIn(string page)
    {
        var response = await App.CreateBrowser().GetAsync(new Uri(fixture.Url(page), UriKind.Relative));

        Assert.StartsWith("/tai-khoan/dang-nhap?ReturnUrl=", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Editor_GetsVietnamese403(string page)
    {
        var response = await fixture.Editor.GetAsync(new Uri(fixture.Url(page), UriKind.Relative));

        var target = response.RedirectTarget();
        Assert.StartsWith("/tai-khoan/khong-co-quyen", target, StringComparison.Ordinal);
        var (denied, document) = await Html.GetAsync(fixture.Editor, target);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Không có quyền truy cập", document.Text("h1"));
        Assert.Contains("chỉ dành cho quản trị viên", document.Text("[data-test=error-message]"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Administrator_IsServed(string page)
    {
        var response = await fixture.Administrator.GetAsync(new Uri(fixture.Url(page), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_Anonymous_IsSentToSignInAndChangesNothing(string post)
    {
        var response = await App.CreateBrowser().PostFormAsync("/tai-khoan/dang-nhap", fixture.Url(post), fixture.Fields());

        Assert.StartsWith("/tai-khoan/dang-nhap", response.RedirectTarget(), StringComparison.Ordinal);
        await fixture.AssertTargetUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_Editor_IsRefusedAndChangesNothing(string post)
    {
        // A valid token for the editor, from a page the editor may open.
        var response = await fixture.Editor.PostFormAsync("/admin", fixture.Url(post), fixture.Fields());

        Assert.StartsWith("/tai-khoan/khong-co-quyen", response.RedirectTarget(), StringComparison.Ordinal);
        await fixture.AssertTargetUnchangedAsync();
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_AdministratorWithoutAntiforgeryToken_IsRejected(string post)
    {
        using var form = new FormUrlEncodedContent(fixture.Fields());

        var response = await fixture.Administrator.PostAsync(new Uri(fixture.Url(post), UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await fixture.AssertTargetUnchangedAsync();
    }

    [Fact]
    public async Task AdminMenu_ShowsAdministrationLinksToAdministratorsOnly()
    {
        var (_, adminPage) = await Html.GetAsync(fixture.Administrator, "/admin");
        var (_, editorPage) = await Html.GetAsync(fixture.Editor, "/admin");

        var adminLinks = adminPage.QuerySelectorAll("[data-test=admin-menu] a").Select(a => a.GetAttribute("href")).ToList();
        var editorLinks = editorPage.QuerySelectorAll("[data-test=admin-menu] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/tai-khoan", adminLinks);
        Assert.Contains("/admin/thong-ke", adminLinks);
        Assert.Contains("/admin/nhat-ky", adminLinks);
        Assert.Contains("/admin/bai-viet", editorLinks);
        Assert.DoesNotContain("/admin/tai-khoan", editorLinks);
        Assert.DoesNotContain("/admin/thong-ke", editorLinks);
        Assert.DoesNotContain("/admin/nhat-ky", editorLinks);
    }

    /// <summary>One app, one editor, one administrator and one account the forms would change.</summary>
    public sealed class Fixture : IAsyncLifetime, IDisposable
    {
        private readonly string _targetEmail = AdministrationHelpers.NewEmail("dich");
        private string _targetId = string.Empty;

        public NewsAppFactory App { get; } = new();

        public HttpClient Editor { get; private set; } = null!;

        public HttpClient Administrator { get; private set; } = null!;

        public string Url(string template) => template.Replace("{id}", _targetId, StringComparison.Ordinal);

        /// <summary>Fields that would change the target account if the post were let through.</summary>
        public Dictionary<string, string> Fields() => new()
        {
            ["Email"] = AdministrationHelpers.NewEmail("lot-qua"),
            ["DisplayName"] = "Không được tạo",
            ["Role"] = StaffRoles.Administrator,
            ["Password"] = "Khong#Duoc2026x",
            ["ConfirmPassword"] = "Khong#Duoc2026x",
        };

        public async Task AssertTargetUnchangedAsync()
        {
            var (users, lockoutEnd, roles) = await App.WithDbAsync(async db => (
                await db.Users.CountAsync(),
                await db.Users.Where(u => u.Id == _targetId).Select(u => u.LockoutEnd).SingleAsync(),
                await db.UserRoles.Where(r => r.UserId == _targetId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync()));
            Assert.Equal(3, users);
            Assert.Null(lockoutEnd);
            Assert.Equal([StaffRoles.Editor], roles);
            var (response, _) = await App.TrySignInAsync(_targetEmail, Staff.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        public async Task InitializeAsync()
        {
            Editor = await App.SignInAsync(StaffRoles.Editor);
            Administrator = await App.SignInAsync(StaffRoles.Administrator);
            await App.EnsureAccountAsync(_targetEmail, StaffRoles.Editor);
            _targetId = await App.AccountIdAsync(_targetEmail);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => App.Dispose();
    }
}
