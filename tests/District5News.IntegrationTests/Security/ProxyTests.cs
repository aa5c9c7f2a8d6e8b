using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// Production behind an HTTPS proxy: the portal listens on plain HTTP and learns the client's scheme and address from
/// X-Forwarded-Proto / X-Forwarded-For, but only from a known proxy. No Site:BaseUrl here, so absolute URLs follow
/// the request (as in Development), which shows whether the forwarded scheme was taken.
/// </summary>
public sealed class ProxyTests(ProductionSiteFactory app) : IClassFixture<ProductionSiteFactory>, IAsyncLifetime
{
    private const string SignInUrl = "/tai-khoan/dang-nhap";

    private Article _article = null!;

    public async Task InitializeAsync() =>
        _article = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Phường Chợ Lớn ra quân làm sạch kênh rạch", new DateTime(2026, 11, 18, 8, 0, 0)));

    public Task DisposeAsync() => Task.CompletedTask;

    private string ArticleUrl => $"/tin-tuc/{_article.Id}/{_article.Slug}";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.20.3.4")]
    public async Task SignInPage_HttpsForwardedByKnownProxy_Answers200WithSecureCookieAndHsts(string proxy)
    {
        var client = app.CreateProxiedClient(proxy, forwardedHttps: true);

        var response = await client.GetAsync(new Uri(SignInUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgeryCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("d5_af=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgeryCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task SignIn_ThroughKnownProxy_SignsInAndOpensTheBackOffice()
    {
        const string email = "proxy-admin@quan5.local";
        await app.EnsureAccountAsync(email, StaffRoles.Administrator);
        var client = app.CreateProxiedClient("127.0.0.1", forwardedHttps: true);
        var browser = new CookieJar();

        var form = await browser.SendAsync(client, HttpMethod.Get, SignInUrl);
        var token = Staff.AntiforgeryToken(await Html.ParseAsync(form));
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Staff.Password,
            ["__RequestVerificationToken"] = token,
        });
        var signIn = await browser.SendAsync(client, HttpMethod.Post, SignInUrl, fields);
        var admin = await browser.SendAsync(client, HttpMethod.Get, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var staffCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("d5_staff=", StringComparison.Ordinal));
        Assert.Contains("; secure", staffCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains(email, (await Html.ParseAsync(admin)).Text("[data-test=current-user]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_HttpsForwardedByKnownProxy_HasHttpsCanonicalAndSource()
    {
        var client = app.CreateProxiedClient("127.0.0.1", forwardedHttps: true);

        var (response, page) = await Html.GetAsync(client, ArticleUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = $"https://{ProductionSiteFactory.PublicHost}{ArticleUrl}";
        Assert.Equal(expected, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal($"Nguồn: {District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName} – {expected}", page.Text(".print-source"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromUnknownAddress_AreIgnored()
    {
        var client = app.CreateProxiedClient("203.0.113.7", forwardedHttps: true);

        var (article, page) = await Html.GetAsync(client, ArticleUrl);
        var (signIn, signInPage) = await Html.GetAsync(client, SignInUrl);

        // The request stays plain http: http canonical, no HSTS, and the sign-in page is not served over it.
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Equal($"http://{ProductionSiteFactory.PublicHost}{ArticleUrl}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.False(article.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Null(signInPage.QuerySelector("input[name=Password]"));
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task SignIn_OverPlainHttp_AnswersVietnameseHttpsPageNot500(string method)
    {
        var client = app.CreateProxiedClient("127.0.0.1", forwardedHttps: false);
        using var content = method == "POST"
            ? new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@quan5.local", ["Password"] = "x" })
            : null;

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(SignInUrl, UriKind.Relative)) { Content = content };
        var response = await client.SendAsync(request);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Cần kết nối bảo mật (HTTPS)", page.Text("h1"));
        Assert.Equal($"https://{ProductionSiteFactory.PublicHost}{SignInUrl}", page.QuerySelector("[data-test=https-link]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AdminPage_OverPlainHttp_LeadsToTheVietnameseHttpsPage()
    {
        // Over plain http the browser never sends the Secure staff cookie, so the back office asks for a sign-in first.
        var client = app.CreateProxiedClient("127.0.0.1", forwardedHttps: false);

        var admin = await client.GetAsync(new Uri("/admin/bai-viet", UriKind.Relative));
        var signIn = await client.GetAsync(new Uri(admin.Headers.Location!.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal(SignInUrl, admin.Headers.Location.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Equal("Cần kết nối bảo mật (HTTPS)", (await Html.ParseAsync(signIn)).Text("h1"));
    }

    [Theory]
    [InlineData("127.0.0.1", "198.51.100.23")] // known proxy: the client is the address it forwards
    [InlineData("203.0.113.7", "203.0.113.7")] // stranger: its X-Forwarded-For is ignored
    public async Task ForwardedFor_IsTheClientAddressOnlyFromKnownProxy(string remoteAddress, string expectedClient)
    {
        var client = app.CreateProxiedClient(remoteAddress, forwardedHttps: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        var before = app.Logged.All.Count; // the tests of a class run one at a time

        await client.GetAsync(new Uri(SignInUrl, UriKind.Relative));

        // The plain-http staff request is logged with the client's address: the one place this address shows today.
        var logged = Assert.Single(app.Logged.All.Skip(before), e => e.Properties.ContainsKey("RemoteIp"));
        Assert.Equal(expectedClient, logged.Properties["RemoteIp"].ToString().Trim('"'));
    }

    [Fact]
    public async Task Canonical_WithSiteBaseUrl_NeverComesFromTheHostHeader()
    {
        using var configured = new ProductionSiteFactory { Settings = { ["Site:BaseUrl"] = "https://tintuc.quan5.example" } };
        var article = await configured.WithDbAsync(db => TestArticles.AddAsync(db, "Bản tin có địa chỉ chuẩn", new DateTime(2026, 11, 18, 9, 0, 0)));
        var url = $"/tin-tuc/{article.Id}/{article.Slug}";
        var client = configured.CreateProxiedClient("127.0.0.1", forwardedHttps: true, host: "evil.example");

        var (response, page) = await Html.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"https://tintuc.quan5.example{url}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal($"Nguồn: {District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName} – https://tintuc.quan5.example{url}", page.Text(".print-source"));
        Assert.DoesNotContain("evil.example", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.quan5.local", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:1", "10.0.0.0", "ForwardedHeaders:KnownNetworks")]
    [InlineData("Site:BaseUrl", "https://tintuc.quan5.example/tin-tuc", "Site:BaseUrl")]
    [InlineData("Site:BaseUrl", "tintuc.quan5.example", "Site:BaseUrl")]
    public void Startup_WithBadSetting_RefusesWithTheSettingsName(string key, string value, string named)
    {
        using var misconfigured = new ProductionSiteFactory { Settings = { [key] = value } };

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
