using District5News.BrowserTests.Admin;
using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Demo;
using District5News.Web.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Docs;

/// <summary>The screenshots README.md shows, taken from the running app (scripts/update-docs.sh writes them to docs/images).</summary>
/// <remarks>
/// They run on an app of their own (<see cref="ReadmeScreenshotFixture"/>), with a month of visits sent before the first
/// one: moving that app's clock and filling its counters cannot change what the other browser tests see, and every
/// screenshot shows the same month of use whatever order they run in.
/// </remarks>
[Collection(ReadmeScreenshotCollection.Name)]
public sealed class ReadmeScreenshotTests(ReadmeScreenshotFixture screenshots, ITestOutputHelper output)
{
    private readonly BrowserFixture _fixture = screenshots.Browser;

    [Fact]
    public Task HomePage_OnDesktop_Screenshot() =>
        _fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            // Counted visits are buffered; write them so the counter shows them as it would after a while in production.
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1400);
            await page.GotoAsync(_fixture.App.Url("/"));
            await _fixture.App.FlushCountsAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("[data-test=feature]")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "home.png", output);
        });

    [Fact]
    public Task ArticlePage_OnDesktopAndPhone_Screenshots() =>
        _fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            // Tall enough to show TIN MỚI HƠN and TIN ĐÃ ĐƯA under the bulletin.
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1800);
            var url = _fixture.App.Url(await PublicPages.PathAsync(_fixture.App, "article"));
            await page.GotoAsync(url);
            await _fixture.App.FlushCountsAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(PublicPages.ArticleTitle);
            await Screenshots.SaveAsync(page, "article-desktop.png", output);

            await using var phone = await _fixture.NewContextAsync(Device.Phone);
            var phonePage = await phone.NewPageAsync();
            await phonePage.GotoAsync(url);
            await Expect(phonePage.Locator("[data-test=title]")).ToHaveTextAsync(PublicPages.ArticleTitle);
            await Screenshots.SaveAsync(phonePage, "article-phone.png", output);
        });

    [Fact]
    public Task AdminEditor_WithABulletinBeingWritten_Screenshot() =>
        _fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1500);
            await SignInAsDemoAsync(page, StaffRoles.Editor);
            await page.GotoAsync(_fixture.App.Url("/admin/bai-viet/tao-moi"));
            await BulletinEditor.WriteAsync(page, BulletinDraft.ReceptionHours("Lịch tiếp công dân định kỳ tháng 12 năm 2026"));

            // Saved as a draft: the page then shows the bulletin's state and its cover, and residents see nothing of it.
            await page.Locator("[data-test=save-draft]").ClickAsync();
            await Expect(page.Locator("[data-test=cover-current]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=body-editor] ul > li")).ToHaveCountAsync(2);
            await Screenshots.SaveAsync(page, "admin-editor.png", output);
        });

    [Fact]
    public Task AdminStatistics_WithAMonthOfVisits_Screenshot() =>
        _fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1100);
            await SignInAsDemoAsync(page, StaffRoles.Administrator);
            await page.GotoAsync(_fixture.App.Url("/admin/thong-ke"));
            await Expect(page.Locator("svg[data-test=stats-chart] circle[data-test=chart-point]")).ToHaveCountAsync(60);
            await Screenshots.SaveAsync(page, "admin-statistics.png", output);
        });

    /// <summary>The demo accounts the README names, so the screenshots show them in the header.</summary>
    private async Task SignInAsDemoAsync(IPage page, string role)
    {
        var (email, _, password) = DemoContentSeeder.DemoAccounts.First(a => a.Role == role);
        await page.SignInWithPasswordAsync(_fixture.App, email, password);
    }
}
