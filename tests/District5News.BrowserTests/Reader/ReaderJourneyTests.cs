using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Reader;

/// <summary>What a resident does on the public site, in a real Chromium, over the demo bulletins.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private readonly BrowserAppFactory _app = fixture.App;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task OpenBulletin_FollowEarlierNewsAndPrint_PrintsOnlyTheBulletin(string device) =>
        fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            await page.GotoAsync(_app.Url("/"));
            var feature = page.Locator("[data-test=feature] h3 a");
            var featureTitle = (await feature.InnerTextAsync()).Trim();
            await feature.ClickAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(featureTitle);

            // TIN ĐÃ ĐƯA: the bulletin just before this one in the same category.
            var older = page.Locator("[data-test=older] [data-test=article-item] a.article-link");
            var earlierTitle = (await older.First.InnerTextAsync()).Trim();
            await older.First.ClickAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(earlierTitle);
            await Expect(page.Locator("[data-test=newer] a.article-link", new() { HasText = featureTitle })).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

            // "Xem tiếp" continues the category list with the bulletin after the last one shown here.
            var articleUrl = page.Url;
            var category = (await page.Locator("[data-test=category]").InnerTextAsync()).Trim();
            var lastShown = (await page.Locator("[data-test=older] [data-test=article-item] a.article-link").Last.InnerTextAsync()).Trim();
            var nextTitle = await NextInCategoryAsync(lastShown);
            await page.Locator("[data-test=older] [data-test=xem-tiep]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chuyen-muc/[a-z-]+(\\?page=\\d+)?$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync(category, new() { IgnoreCase = true });
            await Expect(page.Locator("[data-test=article-item] a.article-link", new() { HasText = nextTitle })).ToBeVisibleAsync();

            // Printing shows the bulletin and where it came from, and none of the site around it.
            await page.GotoAsync(articleUrl);
            await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
            await Expect(page.Locator("[data-test=title]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=body]")).ToBeVisibleAsync();
            await Expect(page.Locator(".print-source")).ToBeVisibleAsync();
            await Expect(page.Locator(".print-source")).ToContainTextAsync(articleUrl);
            foreach (var hidden in new[] { ".site-header", "[data-test=menu]", ".sidebar", "[data-test=newer]", "[data-test=older]", "[data-test=print]", ".site-footer" })
            {
                await Expect(page.Locator(hidden)).ToBeHiddenAsync();
            }

            await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
            await Expect(page.Locator(".print-source")).ToBeHiddenAsync();
        });

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task PickADay_ThenPreviousDay_ShowsEachDaysBulletins(string device) =>
        fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            var day = new DateOnly(2026, 11, 25);
            var (dayTitles, previousDay, previousTitles) = await DayAndPreviousAsync(day);

            // The demo content has nothing on 23 Nov, so "previous day" must skip to the 24th.
            Assert.Equal(new DateOnly(2026, 11, 24), previousDay);

            await page.GotoAsync(_app.Url("/"));
            var form = page.Locator("[data-test=date-form]");
            await form.GetByLabel("Chọn ngày").FillAsync("25/11/2026");
            await form.GetByRole(AriaRole.Button, new() { Name = "Xem theo ngày" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(_app.Url("/theo-ngay/2026/11/25"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Tin ngày 25/11/2026");
            await Expect(page.Locator("[data-test=article-item] a.article-link")).ToHaveTextAsync(dayTitles.ToArray());
            await Expect(form.GetByLabel("Chọn ngày")).ToHaveValueAsync("25/11/2026");

            await page.Locator("[data-test=previous-day]").ClickAsync();
            await Expect(page).ToHaveURLAsync(_app.Url($"/theo-ngay/{previousDay:yyyy'/'MM'/'dd}"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Tin ngày 24/11/2026");
            await Expect(page.Locator("[data-test=article-item] a.article-link")).ToHaveTextAsync(previousTitles.ToArray());
        });

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task SearchWithoutToneMarks_FindsTitleWithThem_AndHighlightsTheMatch(string device) =>
        fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            const string title = "Chợ An Đông gắn mã QR cho từng sạp hàng";
            await page.GotoAsync(_app.Url("/"));
            var search = page.Locator("[data-test=search-form]");
            await search.GetByRole(AriaRole.Searchbox).FillAsync("cho an dong gan ma qr");
            await search.GetByRole(AriaRole.Searchbox).PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tim-kiem\\?q="));
            var result = page.Locator("[data-test=search-result]", new() { Has = page.Locator("a.article-link", new() { HasText = "QR cho từng sạp hàng" }) });
            await Expect(result).ToHaveCountAsync(1);
            var link = result.Locator("a.article-link");
            await Expect(link).ToHaveTextAsync(title);
            // The whole phrase typed is one mark (docs/search.md); "cho" later in the title is not marked.
            Assert.Equal(["Chợ An Đông gắn mã QR"], await link.Locator("mark").AllInnerTextsAsync());

            await link.ClickAsync();
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(title);
        });

    [Fact]
    public Task PhoneLayout_MenuSearchAndDatePicker_UsableWithoutSidewaysScrolling() =>
        fixture.JourneyAsync(output, Device.Phone, async page =>
        {
            await page.GotoAsync(_app.Url("/"));
            await AssertNoSidewaysScrollingAsync(page);

            // The menu: every category is on screen, big enough to tap, and leads to its page.
            var menuLinks = page.Locator("[data-test=menu] a");
            Assert.Equal(7, await menuLinks.CountAsync());
            foreach (var link in await menuLinks.AllAsync())
            {
                await AssertTappableOnScreenAsync(link);
            }

            await page.Locator("[data-test=menu]").GetByRole(AriaRole.Link, new() { Name = "Tin phường" }).TapAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Tin phường");
            await AssertNoSidewaysScrollingAsync(page);

            // The search box.
            var search = page.Locator("[data-test=search-form]");
            await AssertTappableOnScreenAsync(search.GetByRole(AriaRole.Searchbox));
            await AssertTappableOnScreenAsync(search.GetByRole(AriaRole.Button));
            await search.GetByRole(AriaRole.Searchbox).TapAsync();
            await search.GetByRole(AriaRole.Searchbox).FillAsync("tiep cong dan");
            await search.GetByRole(AriaRole.Button).TapAsync();
            await Expect(page.Locator("[data-test=search-result]").First).ToBeVisibleAsync();
            await AssertNoSidewaysScrollingAsync(page);

            // The date picker.
            var dateForm = page.Locator("[data-test=date-form]");
            await dateForm.ScrollIntoViewIfNeededAsync();
            await AssertTappableOnScreenAsync(dateForm.GetByLabel("Chọn ngày"));
            await AssertTappableOnScreenAsync(dateForm.GetByRole(AriaRole.Button));
            await dateForm.GetByLabel("Chọn ngày").FillAsync("25/11/2026");
            await dateForm.GetByRole(AriaRole.Button).TapAsync();
            await Expect(page).ToHaveURLAsync(_app.Url("/theo-ngay/2026/11/25"));
            await AssertNoSidewaysScrollingAsync(page);

            // A bulletin, the longest page a resident reads.
            await page.Locator("[data-test=article-item] a.article-link").First.TapAsync();
            await Expect(page.Locator("[data-test=title]")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollingAsync(page);
        });

    private static Device DeviceNamed(string name) => name == Device.Phone.Name ? Device.Phone : Device.Desktop;

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} scrolls sideways: {widths[0]} px of content in a {widths[1]} px window.");
    }

    /// <summary>Inside the screen's width and at least 24 CSS pixels tall (WCAG 2.2 target size, minimum).</summary>
    private static async Task AssertTappableOnScreenAsync(ILocator element)
    {
        await element.ScrollIntoViewIfNeededAsync();
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element has no box.");
        Assert.True(box.X >= 0 && box.X + box.Width <= Device.Phone.Width, $"{element} sticks out of the screen: x={box.X}, width={box.Width}.");
        Assert.True(box.Height >= 24, $"{element} is only {box.Height} px tall.");
    }

    private Task<string> NextInCategoryAsync(string title) => _app.WithDbAsync(async db =>
    {
        var categoryId = await db.Articles.Where(a => a.Title == title).Select(a => a.CategoryId).SingleAsync();
        var titles = await db.Articles.AsNoTracking()
            .Where(a => a.CategoryId == categoryId && a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => a.Title)
            .ToListAsync();
        return titles[titles.IndexOf(title) + 1];
    });

    /// <summary>The titles of <paramref name="day"/>'s bulletins, the nearest earlier day with any, and its titles, newest first.</summary>
    private Task<(List<string> DayTitles, DateOnly PreviousDay, List<string> PreviousTitles)> DayAndPreviousAsync(DateOnly day) =>
        _app.WithDbAsync(async db =>
        {
            var published = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published)
                .Select(a => new { a.Title, PublishedAtUtc = a.PublishedAtUtc!.Value, a.Id })
                .ToListAsync();
            var byDay = published
                .GroupBy(a => VietnamTime.DateOf(a.PublishedAtUtc))
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Select(a => a.Title).ToList());
            var previous = byDay.Keys.Where(d => d < day).Max();
            return (byDay[day], previous, byDay[previous]);
        });
}
