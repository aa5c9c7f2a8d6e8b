using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Security;

/// <summary>Two instances of the portal on one database file share the data-protection keys kept in it.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task SecondInstance_AcceptsTheFirstOnesSessionAndFormToken()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"d5news-test-{Guid.NewGuid():N}.db");
        using var first = new InstanceOnFile(databasePath);
        var adminEmail = SecurityHelpers.NewEmail("hai-may");
        await first.EnsureAccountAsync(adminEmail, StaffRoles.Administrator);

        // One browser whose requests the balancer sends now to one instance, now to the other.
        var cookies = new System.Net.CookieContainer();
        var onFirst = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var signedIn = await onFirst.SignInFormAsync(adminEmail, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        using var second = new InstanceOnFile(databasePath);
        var onSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        // The session cookie issued by the first instance opens the back office on the second.
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // A form opened on the first instance is saved on the second: its anti-forgery token is accepted.
        var newEmail = SecurityHelpers.NewEmail("tao-tren-may-hai");
        var (_, form) = await Html.GetAsync(onFirst, "/admin/tai-khoan/tao-moi");
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Staff.AntiforgeryToken(form),
            ["Email"] = newEmail,
            ["DisplayName"] = "Cán bộ máy hai",
            ["Role"] = StaffRoles.Editor,
            ["Password"] = Staff.Password,
            ["ConfirmPassword"] = Staff.Password,
        });
        var saved = await onSecond.PostAsync(new Uri("/admin/tai-khoan/tao-moi", UriKind.Relative), fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await second.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == newEmail)));
    }

    /// <summary>One instance of the portal over a database file another instance may use too.</summary>
    private sealed class InstanceOnFile(string databasePath) : NewsAppFactory(databasePath);
}
