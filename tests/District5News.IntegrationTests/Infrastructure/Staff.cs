using System.Net;
using AngleSharp.Dom;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Units;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>Staff accounts for tests, created through the same service the create-user command uses, and signed in through the real form.</summary>
public static class Staff
{
    public const string Password = "Thuong#Xuyen2026";

    /// <summary>The unit an editor account writes for unless a test names others: the district's archive, where test bulletins go by default.</summary>
    public const string DefaultEditorUnit = "quan-5";

    /// <param name="units">The editor's publishing units (slugs); null gives an editor <see cref="DefaultEditorUnit"/>, an empty list none.</param>
    public static async Task EnsureAccountAsync(this NewsAppFactory app, string email, string role, IReadOnlyList<string>? units = null)
    {
        units ??= role == StaffRoles.Editor ? [DefaultEditorUnit] : null;
        var (_, errors) = await app.ExecuteScopeAsync(async services =>
        {
            IReadOnlyList<int>? unitIds = null;
            if (units is not null)
            {
                var (ids, unknown) = await services.GetRequiredService<StaffUnitMemberships>().ResolveAsync(units);
                Assert.Empty(unknown);
                unitIds = ids;
            }

            return await services.GetRequiredService<StaffAccounts>().CreateOrResetAsync(email, role, Password, "test", unitIds);
        });
        Assert.Empty(errors);
    }

    /// <summary>A browser signed in as a new or existing account of the given role (an editor of <paramref name="units"/>, by default <see cref="DefaultEditorUnit"/>).</summary>
    public static async Task<HttpClient> SignInAsync(
        this NewsAppFactory app, string role, string? email = null, string? existingPassword = null, IReadOnlyList<string>? units = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@quan5.local";
        if (existingPassword is null)
        {
            await app.EnsureAccountAsync(email, role, units);
        }

        var browser = app.CreateBrowser();
        var response = await browser.PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new()
        {
            ["Email"] = email,
            ["Password"] = existingPassword ?? Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>GETs the page holding the form, reads its anti-forgery token with an HTML parser, and POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var (_, page) = await Html.GetAsync(client, formPageUrl);
        var token = AntiforgeryToken(page);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no anti-forgery token.");
}
