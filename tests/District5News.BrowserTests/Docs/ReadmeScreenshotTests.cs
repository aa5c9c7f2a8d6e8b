using System.Net;
using District5News.BrowserTests.Admin;
using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Demo;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
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

    [Fact]
    public Task AdminEditor_WithABulletinBeingWritten_Screenshot() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1500);
            await SignInAsDemoAsync(page, StaffRoles.Editor);
            await page.GotoAsync(fixture.App.Url("/admin/bai-viet/tao-moi"));
            await BulletinEditor.WriteAsync(page, BulletinDraft.ReceptionHours("Lịch tiếp công dân định kỳ tháng 12 năm 2026"));

            // Saved as a draft: the page then shows the bulletin's state and its cover, and residents see nothing of it.
            await page.Locator("[data-test=save-draft]").ClickAsync();
            await Expect(page.Locator("[data-test=cover-current]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=body-editor] ul > li")).ToHaveCountAsync(2);
            await Screenshots.SaveAsync(page, "admin-editor.png", output);
        });

    [Fact]
    public Task AdminStatistics_WithAMonthOfVisits_Screenshot() =>
        fixture.JourneyAsync(output, Device.Desktop, async page =>
        {
            await VisitEachDayOfTheLastMonthAsync();
            await page.SetViewportSizeAsync(Device.Desktop.Width, 1100);
            await SignInAsDemoAsync(page, StaffRoles.Administrator);
            await page.GotoAsync(fixture.App.Url("/admin/thong-ke"));
            await Expect(page.Locator("svg[data-test=stats-chart] circle[data-test=chart-point]")).ToHaveCountAsync(60);
            await Screenshots.SaveAsync(page, "admin-statistics.png", output);
        });

    /// <summary>The demo accounts the README names, so the screenshots show them in the header.</summary>
    private async Task SignInAsDemoAsync(IPage page, string role)
    {
        var (email, _, password) = DemoContentSeeder.DemoAccounts.First(a => a.Role == role);
        await page.SignInWithPasswordAsync(fixture.App, email, password);
    }

    /// <summary>
    /// A new test database has counts for today only, which draws a flat line. The README shows the chart as it looks
    /// after a month of use, so residents are sent through the app's own counter on each of the 30 days up to today
    /// (the clock moved back to each day, then put back): plain HTTP clients with a browser's user agent and their own
    /// cookies, a few more on weekdays than at weekends, each reading the home page and a bulletin or two.
    /// </summary>
    private async Task VisitEachDayOfTheLastMonthAsync()
    {
        var app = fixture.App;
        var now = app.Clock.GetUtcNow();
        var first = now.AddDays(-29);
        var bulletins = await app.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc < first.UtcDateTime)
            .OrderByDescending(a => a.PublishedAtUtc).Take(12)
            .Select(a => ArticleUrls.Article(a.Id, a.Slug))
            .ToListAsync());
        var userAgent = Device.Desktop.UserAgent(fixture.Browser.Version);
        try
        {
            for (var day = 29; day >= 0; day--)
            {
                app.Clock.Set(now.AddDays(-day));
                var date = VietnamTime.Today(app.Clock);
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var readers = (weekend ? 2 : 5) + (date.DayNumber % 4);
                await Task.WhenAll(Enumerable.Range(0, readers).Select(r => ReadAsync(r, date.DayNumber)));
            }
        }
        finally
        {
            app.Clock.Set(now);
        }

        await app.FlushCountsAsync();

        async Task ReadAsync(int reader, int dayNumber)
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
            var pages = new List<string> { "/" };
            pages.AddRange(Enumerable.Range(0, 1 + ((reader + dayNumber) % 3)).Select(i => bulletins[(reader + dayNumber + i) % bulletins.Count]));
            foreach (var path in pages)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }
}
