using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// Sign-in under attack, with the default limits: lockout that a stranger cannot turn against the administrator,
/// throttling, no account enumeration, sign-out that ends the session on the server.
/// </summary>
public sealed class SignInHardeningTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    [Fact]
    public async Task Refusals_UnknownWrongPasswordLockedAndDisabled_LookTheSame()
    {
        var wrong = SecurityHelpers.NewEmail("sai");
        var locked = SecurityHelpers.NewEmail("tam-khoa");
        var disabled = SecurityHelpers.NewEmail("bi-khoa");
        foreach (var email in new[] { wrong, locked, disabled })
        {
            await app.EnsureAccountAsync(email, StaffRoles.Editor);
        }

        for (var i = 0; i < 5; i++)
        {
            await app.SignInFromAsync(NewsAppFactory.NewClientAddress(), locked, SecurityHelpers.WrongPassword);
        }

        await LockByAdministratorAsync(disabled);

        var answers = new List<(HttpStatusCode Status, string Alert, string Page)>();
        foreach (var (email, password) in new[]
                 {
                     (SecurityHelpers.NewEmail("khong-co"), Staff.Password),
                     (wrong, SecurityHelpers.WrongPassword),
                     (locked, Staff.Password),
                     (disabled, Staff.Password),
                 })
        {
            var response = await app.SignInFromAsync(NewsAppFactory.NewClientAddress(), email, password);
            var page = await Html.ParseAsync(response);
            answers.Add((response.StatusCode, page.Text("[role=alert]"), ComparablePage(page)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(answers, a => Assert.Equal(SignInMessages.Refused, a.Alert));
        Assert.Single(answers.Select(a => a.Page).Distinct());

        // The real reasons are in the audit log, for administrators.
        var details = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SignInFailed)
            .Select(a => a.Details!).ToListAsync());
        Assert.Contains(details, d => d.StartsWith("Không có tài khoản này.", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("Sai mật khẩu.", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("Tài khoản đang bị khóa tạm thời", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("Tài khoản đã bị quản trị viên khóa.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stranger_HundredWrongPasswordsFromOneAddress_Gets429sAndCannotLockTheAdministrator()
    {
        var admin = SecurityHelpers.NewEmail("quan-tri");
        await app.EnsureAccountAsync(admin, StaffRoles.Administrator);
        var stranger = app.CreateBrowser(clientAddress: "203.0.113.7");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            var response = await stranger.SignInFormAsync(admin, SecurityHelpers.WrongPassword + i);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
                Assert.Contains("Quá nhiều yêu cầu", (await Html.ParseAsync(response)).Text("h1"), StringComparison.Ordinal);
            }
        }

        // The brute force is slowed: only the first few guesses were checked at all.
        var checkedGuesses = statuses.Count(s => s == HttpStatusCode.BadRequest);
        Assert.InRange(checkedGuesses, 1, 10);
        Assert.Equal(100 - checkedGuesses, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        // The administrator, at another address, still signs in: the stranger's failures did not lock the account.
        var own = await app.SignInFromAsync("198.51.100.20", admin, Staff.Password);
        Assert.Equal("/admin", own.Headers.Location?.OriginalString);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == admin).Select(a => a.Action).ToListAsync());
        Assert.DoesNotContain(AuditActions.LockedOut, actions);

        // One audit row for the stranger's run, with its count; not one per attempt.
        var failed = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.UserName == admin && a.Action == AuditActions.SignInFailed).Select(a => a.Details!).ToListAsync());
        var row = Assert.Single(failed);
        Assert.Contains($"Từ địa chỉ 203.0.113.7: {checkedGuesses} lần đăng nhập thất bại", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowGuessesFromOneAddress_OverManyWindows_NeverAddUpToALockout()
    {
        var admin = SecurityHelpers.NewEmail("cham");
        await app.EnsureAccountAsync(admin, StaffRoles.Administrator);

        // Three windows of three guesses: nine failures in all, more than the five that lock an account at once.
        for (var window = 0; window < 3; window++)
        {
            var stranger = app.CreateBrowser(clientAddress: "203.0.113.99");
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await stranger.SignInFormAsync(admin, SecurityHelpers.WrongPassword)).StatusCode);
            }

            app.Clock.Advance(TimeSpan.FromMinutes(16));
        }

        var own = await app.SignInFromAsync(NewsAppFactory.NewClientAddress(), admin, Staff.Password);
        Assert.Equal("/admin", own.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ManyAddresses_OnOneAccount_AreThrottledTheSameForKnownAndUnknownAccounts()
    {
        var known = SecurityHelpers.NewEmail("nhieu-noi");
        await app.EnsureAccountAsync(known, StaffRoles.Editor);
        var unknown = SecurityHelpers.NewEmail("khong-co");

        foreach (var email in new[] { known, unknown })
        {
            // A distributed guesser: one wrong password from each of many addresses. Five lock a real account for a while
            // (quietly: same answer); 25 on any e-mail make the next attempt wait, whoever sends it.
            for (var i = 0; i < 25; i++)
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await app.SignInFromAsync(NewsAppFactory.NewClientAddress(), email, SecurityHelpers.WrongPassword)).StatusCode);
            }

            var next = await app.SignInFromAsync(NewsAppFactory.NewClientAddress(), email, SecurityHelpers.WrongPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
            Assert.NotNull(next.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task SignOut_CopiedCookieNoLongerOpensTheBackOffice()
    {
        var email = SecurityHelpers.NewEmail("dang-xuat");
        await app.EnsureAccountAsync(email, StaffRoles.Editor);
        var browser = app.CreateBrowser();
        var signedIn = await browser.SignInFormAsync(email, Staff.Password);
        var copied = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("d5_staff=", StringComparison.Ordinal)).Split(';')[0];
        var thief = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        var signedOut = await browser.PostFormAsync("/admin", "/tai-khoan/dang-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // The stamp is checked once any time has passed since the cookie was issued; the test clock stands still unless moved.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var replay = await thief.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", replay.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task LockByAdministratorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        await users.SetLockoutEnabledAsync(user!, true);
        await users.SetLockoutEndDateAsync(user!, AccountAdministration.IndefiniteLock);
    }

    /// <summary>The page without what differs by nature between two requests: form token, script nonces, the e-mail typed.</summary>
    private static string ComparablePage(IDocument page)
    {
        foreach (var token in page.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList())
        {
            token.Remove();
        }

        foreach (var element in page.QuerySelectorAll("[nonce]").ToList())
        {
            element.RemoveAttribute("nonce");
        }

        page.QuerySelector("input[name=Email]")?.SetAttribute("value", string.Empty);
        return page.Body!.OuterHtml;
    }
}
