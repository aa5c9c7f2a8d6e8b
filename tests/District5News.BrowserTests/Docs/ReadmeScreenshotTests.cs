using District5News.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Docs;

/// <summary>The screenshots README.md shows, taken from the running app (scripts/update-docs.sh writes them to docs/images).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeScreenshotTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task HomePage_OnDesktop_Screenshot() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            // Counted visits are buffered; write them so the counter shows them as it would after a while in production.
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1400);
            await page.GotoAsync(fixture.App.Url("/"));
            await fixture.App.FlushCountsAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("[data-test=feature]")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "home.png", output);
        });

    [Fact]
    public Task ArticlePage_OnDesktopAndPhone_Screenshots() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            // Tall enough to show TIN MỚI HƠN and TIN ĐÃ ĐƯA under the bulletin.
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1800);
            var url = fixture.App.Url(await PublicPages.PathAsync(fixture.App, "article"));
            await page.GotoAsync(url);
            await fixture.App.FlushCountsAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(PublicPages.ArticleTitle);
            await Screenshots.SaveAsync(page, "article-desktop.png", output);

            await using var phone = await fixture.NewContextAsync(Device.Phone);
            var phonePage = await phone.NewPageAsync();
            await phonePage.GotoAsync(url);
            await Expect(phonePage.Locator("[data-test=title]")).ToHaveTextAsync(PublicPages.ArticleTitle);
            await Screenshots.SaveAsync(phonePage, "article-phone.png", output);
        });
}
