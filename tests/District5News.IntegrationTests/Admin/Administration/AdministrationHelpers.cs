using System.Net;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Administration;

/// <summary>Small steps the administration tests share.</summary>
internal static class AdministrationHelpers
{
    public static Task<string> AccountIdAsync(this NewsAppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@quan5.local";

    /// <summary>Posts the sign-in form from a fresh browser; returns the response and the browser.</summary>
    public static async Task<(HttpResponseMessage Response, HttpClient Browser)> TrySignInAsync(this NewsAppFactory app, string email, string password)
    {
        var browser = app.CreateBrowser();
        var response = await browser.PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new()
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return (response, browser);
    }

    public static async Task<HttpStatusCode> StatusAsync(this HttpClient client, string url) =>
        (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    /// <summary>Where a redirect points, as a path and query ("/tai-khoan/dang-nhap?ReturnUrl=...").</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
