using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Security;

/// <summary>Two instances of the portal on one database share the data-protection keys kept in it.</summary>
public abstract class DataProtectionTests(DatabaseProvider provider)
{
    [Fact]
    public async Task SecondInstance_AcceptsTheFirstOnesSessionAndFormToken()
    {
        using var database = TestDatabase.Create(provider);
        using var first = new Instance(database.Share());
        var adminEmail = SecurityHelpers.NewEmail("hai-may");
        await first.EnsureAccountAsync(adminEmail, StaffRoles.Administrator);

        // One browser whose requests the balancer sends now to one instance, now to the other.
        var cookies = new System.Net.CookieContainer();
        var onFirst = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var signedIn = await onFirst.SignInFormAsync(adminEmail, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        using var second = new Instance(database.Share());
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

    /// <summary>One instance of the portal over a database another instance may use too.</summary>
    private sealed class Instance(TestDatabase database) : NewsAppFactory(database);

    public sealed class OnSqlite() : DataProtectionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : DataProtectionTests(DatabaseProvider.PostgreSql);
}
