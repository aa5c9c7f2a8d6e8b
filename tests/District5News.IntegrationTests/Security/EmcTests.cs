using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// The national EMC monitoring code: off unless Emc:ScriptUrl is set; then an async script on every public page, its
/// origin in the public pages' script-src, and neither on sign-in, the back office or their error pages.
/// </summary>
public sealed class EmcTests
{
    private const string ScriptUrl = "https://emc.example.gov.vn/js/emc.js?site=quan5";
    private const string Origin = "https://emc.example.gov.vn";

    [Fact]
    public async Task Default_NoScript_AndThePolicyIsUnchanged()
    {
        using var app = new ProductionSiteFactory();

        var (response, page) = await Html.GetAsync(app.CreateHttpsBrowser(), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-test=emc-script]"));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Equal("'self'", ScriptSrc(response));
    }

    [Fact]
    public async Task Configured_PublicPagesLoadTheScriptAsync_AndAllowItsOrigin()
    {
        using var app = new ProductionSiteFactory { Settings = { ["Emc:ScriptUrl"] = ScriptUrl } };
        var article = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Phường tổ chức ngày hội đọc sách", new DateTime(2026, 11, 16, 8, 0, 0)));
        var browser = app.CreateHttpsBrowser();

        foreach (var url in new[] { "/", $"/tin-tuc/{article.Id}/{article.Slug}", "/tim-kiem?q=doc+sach", "/khong-co-trang-nay" })
        {
            var (response, page) = await Html.GetAsync(browser, url);

            var script = page.QuerySelector("script[data-test=emc-script]");
            Assert.True(script is not null, $"{url} has no EMC script");
            Assert.Equal(ScriptUrl, script.GetAttribute("src"));
            Assert.True(script.HasAttribute("async"));
            Assert.Equal($"'self' {Origin}", ScriptSrc(response));
        }
    }

    [Fact]
    public async Task Configured_StaffPagesHaveNeitherTheScriptNorItsOrigin()
    {
        using var app = new ProductionSiteFactory
        {
            Settings = { ["Emc:ScriptUrl"] = ScriptUrl, ["SecurityHeaders:ExtraScriptSources:0"] = "https://khac.example.gov.vn" },
        };
        var email = $"admin-{Guid.NewGuid():N}@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Administrator);
        var staff = app.CreateHttpsBrowser();
        var (signInResponse, signIn) = await Html.GetAsync(staff, "/tai-khoan/dang-nhap");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap",
            new() { ["Email"] = email, ["Password"] = Staff.Password })).StatusCode);

        Assert.Null(signIn.QuerySelector("[data-test=emc-script]"));
        Assert.DoesNotContain(Origin, ScriptSrc(signInResponse), StringComparison.Ordinal);
        foreach (var url in new[] { "/admin", "/admin/bai-viet", "/admin/khong-co-trang-nay" })
        {
            var (response, page) = await Html.GetAsync(staff, url);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
            Assert.Null(page.QuerySelector("[data-test=emc-script]"));
            Assert.Equal("'self' https://khac.example.gov.vn", ScriptSrc(response));
        }

        // Public pages keep the configured extra source beside the EMC origin.
        var (home, _) = await Html.GetAsync(app.CreateHttpsBrowser(), "/");
        Assert.Equal($"'self' https://khac.example.gov.vn {Origin}", ScriptSrc(home));
    }

    [Theory]
    [InlineData("http://emc.example.gov.vn/emc.js")]
    [InlineData("emc.example.gov.vn/emc.js")]
    [InlineData("/js/emc.js")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://nguoi:matkhau@emc.example.gov.vn/emc.js")]
    [InlineData("https://emc.example.gov.vn/emc.js\" onload=\"alert(1)")]
    [InlineData("https://emc.example.gov.vn/emc.js; script-src *")]
    public void Startup_WithABadScriptUrl_RefusesWithAClearMessage(string value)
    {
        using var misconfigured = new ProductionSiteFactory { Settings = { ["Emc:ScriptUrl"] = value } };

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("Emc:ScriptUrl must be the monitoring script's absolute https address", error.ToString(), StringComparison.Ordinal);
    }

    private static string ScriptSrc(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith("script-src ", StringComparison.Ordinal))["script-src ".Length..];
}
