using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Residents.Units;

/// <summary>
/// The home page's "Phường của bạn": a form (no JavaScript needed) that keeps the choice in a cookie and shows that
/// ward's bulletins, its old wards' included, first; the page stays in the page cache, one copy per ward.
/// Each test has its own app: cached pages are global.
/// </summary>
public sealed class WardChoiceTests : IAsyncLifetime, IDisposable
{
    private readonly UnitsSiteFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Home_WithoutAChoice_OffersTheThreeWards_AndNoWardSection()
    {
        var (_, page) = await _app.GetAsReaderAsync("/");

        var picker = page.QuerySelector("form[data-test=ward-picker]")!;
        Assert.Equal("post", picker.GetAttribute("method"));
        Assert.Equal("/chon-phuong", picker.GetAttribute("action"));
        Assert.Null(picker.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(["", "cho-quan", "an-dong", "cho-lon"], picker.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Null(page.QuerySelector("[data-test=ward-section]"));
    }

    [Fact]
    public async Task ChoosingChoLon_Redirects_AndTheHomePageShowsItsAndItsOldWardsBulletinsFirst()
    {
        var browser = _app.CreateBrowser();

        var choose = await ChooseAsync(browser, "cho-lon");
        var (_, home) = await Html.GetAsync(browser, "/");

        Assert.Equal(HttpStatusCode.SeeOther, choose.StatusCode);
        Assert.Equal("/", choose.Headers.Location!.OriginalString);
        var cookie = Assert.Single(choose.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("d5_phuong=cho-lon;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var section = home.QuerySelector("[data-test=ward-section]")!;
        Assert.Same(section, home.QuerySelector("main section, [data-test=ward-section]"));
        Assert.Equal("Tin của Phường Chợ Lớn", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("cho-lon", home.QuerySelector("[data-test=ward-select] option[selected]")!.GetAttribute("value"));
        Assert.Equal(_app.ChoLonNews[^1].Title, Titles(section)[0]);
        Assert.Equal("/don-vi/cho-lon", section.QuerySelector("[data-test=ward-more]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WardSection_IncludesAnOldWardsBulletin_Marked()
    {
        await _app.WithDbAsync(async db =>
        {
            // Phường 11's bulletin becomes the newest of Chợ Lớn's family, so it is within the section's five.
            var article = await db.Articles.FindAsync(_app.Phuong11.Id);
            article!.Publish(new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });
        await _app.PublicContentChangedAsync();
        var browser = _app.CreateBrowser();
        await ChooseAsync(browser, "cho-lon");

        var (_, home) = await Html.GetAsync(browser, "/");

        var first = home.QuerySelector("[data-test=ward-section] [data-test=article-item]")!;
        Assert.Equal(_app.Phuong11.Title, first.QuerySelector(".article-link")!.TextContent.Trim());
        Assert.Equal("Tin của Phường 11 (trước 01/07/2025)", first.QuerySelector("[data-test=unit-note]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ChoosingNothing_ForgetsTheWard_AndAnUnknownWardIs400()
    {
        var browser = _app.CreateBrowser();
        await ChooseAsync(browser, "an-dong");

        var clear = await ChooseAsync(browser, string.Empty);
        var (_, home) = await Html.GetAsync(browser, "/");
        var unknown = await ChooseAsync(_app.CreateBrowser(), "phuong-11");

        Assert.Equal(HttpStatusCode.SeeOther, clear.StatusCode);
        Assert.Contains("d5_phuong=;", Assert.Single(clear.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Null(home.QuerySelector("[data-test=ward-section]"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.False(unknown.Headers.Contains("Set-Cookie"));
        Assert.Contains("Phường đã chọn không hợp lệ", (await Html.ParseAsync(unknown)).Text("[data-test=error-message]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_IsCachedOncePerWard_AndAnUnknownCookieSharesTheCopyWithoutAWard()
    {
        var (plain, _) = await _app.GetAsReaderAsync("/");
        var (plainAgain, _) = await _app.GetAsReaderAsync("/");
        var (choLon, choLonPage) = await GetWithCookieAsync("cho-lon");
        var (choLonAgain, choLonAgainPage) = await GetWithCookieAsync("cho-lon");
        var (anDong, anDongPage) = await GetWithCookieAsync("an-dong");
        var (junk, junkPage) = await GetWithCookieAsync("<script>");

        Assert.False(plain.Headers.Contains("Age"));
        Assert.True(plainAgain.Headers.Contains("Age"));
        Assert.False(choLon.Headers.Contains("Age"));
        Assert.True(choLonAgain.Headers.Contains("Age"));
        Assert.Equal("cho-lon", choLonPage.QuerySelector("[data-test=ward-section]")!.GetAttribute("data-ward"));
        Assert.Equal("cho-lon", choLonAgainPage.QuerySelector("[data-test=ward-section]")!.GetAttribute("data-ward"));
        Assert.False(anDong.Headers.Contains("Age"));
        Assert.Equal("an-dong", anDongPage.QuerySelector("[data-test=ward-section]")!.GetAttribute("data-ward"));
        Assert.True(junk.Headers.Contains("Age"));
        Assert.Null(junkPage.QuerySelector("[data-test=ward-section]"));
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient browser, string ward)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["phuong"] = ward });
        return await browser.PostAsync(new Uri("/chon-phuong", UriKind.Relative), form);
    }

    private async Task<(HttpResponseMessage Response, IDocument Page)> GetWithCookieAsync(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", "d5_phuong=" + Uri.EscapeDataString(value));
        var response = await _app.CreateBrowser().SendAsync(request);
        return (response, await Html.ParseAsync(response));
    }

    private static List<string> Titles(IElement section) =>
        section.QuerySelectorAll("[data-test=article-item] .article-link").Select(a => a.TextContent.Trim()).ToList();
}
