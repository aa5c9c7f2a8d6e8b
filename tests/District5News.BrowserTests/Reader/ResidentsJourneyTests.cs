using System.Xml;
using System.Xml.Linq;
using System.ServiceModel.Syndication;
using District5News.BrowserTests.Infrastructure;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Reader;

/// <summary>
/// Issue 11 §2-4 as a resident meets them in a real Chromium, on a phone and a PC: the A−/A/A+ choice follows the reader
/// from page to page and nothing jumps; thumbnails keep their place while they load; a shared link's preview tags as the
/// rendered page carries them; the feeds the page announces read by a real feed reader (System.ServiceModel.Syndication)
/// and the sitemaps by an XML parser, their addresses opening the bulletins.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentsJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly BrowserAppFactory _app = fixture.App;

    public static TheoryData<string> Devices => new() { Device.Desktop.Name, Device.Phone.Name };

    [Theory]
    [MemberData(nameof(Devices))]
    public Task TextSize_ChosenOnce_FollowsTheReaderToEveryPage_WithoutMovingTheLayout(string device) =>
        fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            await LayoutShifts.RecordAsync(page);
            await page.GotoAsync(_app.Url("/"));
            await LayoutShifts.AssertWithinBudgetAsync(page);
            var tools = page.Locator("[data-test=reading-tools]");
            var defaultSize = await RootFontSizeAsync(page);

            await tools.Locator("[data-test=text-larger]").ClickAsync();
            await tools.Locator("[data-test=text-larger]").ClickAsync();
            await Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\btext-size-2\b"));
            await Expect(tools.Locator("[data-test=text-default]")).ToHaveAttributeAsync("aria-pressed", "false");
            var chosenSize = await RootFontSizeAsync(page);
            Assert.Equal(defaultSize * 1.25, chosenSize, 2);

            // The text grew, not the page's width: nothing is pushed off the screen, and A+ is still under the finger.
            await AssertNoSidewaysScrollingAsync(page);
            await Expect(tools.Locator("[data-test=text-larger]")).ToBeInViewportAsync();

            // Another page, and a reload: the choice is applied before the first paint, so nothing shifts
            // (within LayoutShifts.Budget: far below what growing text would move).
            await page.Locator("[data-test=feature] h3 a").ClickAsync();
            await Expect(page.Locator("[data-test=title]")).ToBeVisibleAsync();
            Assert.Equal(chosenSize, await RootFontSizeAsync(page), 2);
            await Expect(page.Locator("[data-test=reading-tools] [data-test=text-larger]")).ToBeEnabledAsync();
            await LayoutShifts.AssertWithinBudgetAsync(page);
            await page.GotoAsync(_app.Url("/chuyen-muc/tin-phuong"));
            Assert.Equal(chosenSize, await RootFontSizeAsync(page), 2);
            await LayoutShifts.AssertWithinBudgetAsync(page);

            // Back to A: the default again, remembered as well.
            await page.Locator("[data-test=reading-tools] [data-test=text-default]").ClickAsync();
            await page.ReloadAsync();
            Assert.Equal(defaultSize, await RootFontSizeAsync(page), 2);
            await Expect(page.Locator("[data-test=reading-tools] [data-test=text-default]")).ToHaveAttributeAsync("aria-pressed", "true");
            await LayoutShifts.AssertWithinBudgetAsync(page);
        }, name: $"TextSize-{device}");

    [Theory]
    [MemberData(nameof(Devices))]
    public Task Thumbnails_HaveTheirPlaceBeforeTheyLoad_SoNothingJumpsWhenTheyArrive(string device) => WithCoversAsync(category: 2, async () =>
        await fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            await LayoutShifts.RecordAsync(page);

            // The pictures are held back until the text is laid out, as on a slow phone connection.
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await page.RouteAsync("**/uploads/**", async route =>
            {
                await release.Task;
                await route.ContinueAsync();
            });
            await page.GotoAsync(_app.Url("/chuyen-muc/tin-phuong"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

            var thumbs = page.Locator("[data-test=article-item] img[data-test=thumb]");
            Assert.True(await thumbs.CountAsync() >= 3, "The category page shows the covers as thumbnails.");
            foreach (var thumb in await thumbs.AllAsync())
            {
                Assert.Equal("160", await thumb.GetAttributeAsync("width"));
                Assert.Equal("90", await thumb.GetAttributeAsync("height"));
                Assert.Equal("lazy", await thumb.GetAttributeAsync("loading"));
            }

            Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('img.thumb')].filter(i => i.naturalWidth > 0).length"));
            var before = await ItemBoxesAsync(page);
            Assert.All(before.Thumbs, box => Assert.True(box[2] > 0 && box[3] > 0, "A thumbnail not yet loaded already has its box."));

            release.SetResult();
            await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.thumb')].every(i => i.complete && i.naturalWidth > 0)");
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");

            var after = await ItemBoxesAsync(page);
            Assert.Equal(before.Items, after.Items);
            Assert.Equal(before.Thumbs, after.Thumbs);
            await LayoutShifts.AssertWithinBudgetAsync(page);
        }, name: $"Thumbnails-{device}"));

    [Theory]
    [MemberData(nameof(Devices))]
    public Task SharedLink_PreviewTagsOfTheRenderedPage_DescribeTheBulletin(string device) =>
        fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            var path = await PublicPages.PathAsync(_app, "article");
            await page.GotoAsync(_app.Url(path));
            var title = (await page.Locator("[data-test=title]").InnerTextAsync()).Trim();
            var lead = (await page.Locator("[data-test=lead]").TextContentAsync())!.Trim();
            var published = await page.Locator("[data-test=published]").GetAttributeAsync("datetime");

            Assert.Equal("article", await MetaAsync(page, "og:type"));
            Assert.Equal(title, await MetaAsync(page, "og:title"));
            Assert.Equal(lead, await MetaAsync(page, "og:description"));
            Assert.Equal("vi_VN", await MetaAsync(page, "og:locale"));
            var url = await MetaAsync(page, "og:url");
            Assert.Equal(_app.Url(path), url);
            Assert.Equal(url, await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));

            // Publication time in Vietnam time with its offset: the same instant as the page's own <time>.
            var publishedTime = await MetaAsync(page, "article:published_time");
            Assert.EndsWith("+07:00", publishedTime, StringComparison.Ordinal);
            Assert.Equal(DateTimeOffset.Parse(published!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(publishedTime, System.Globalization.CultureInfo.InvariantCulture));

            // The picture a chat app shows: absolute, served, the size the tags claim.
            var image = await MetaAsync(page, "og:image");
            Assert.StartsWith(_app.BaseAddress.ToString(), image, StringComparison.Ordinal);
            var picture = await page.Context.APIRequest.GetAsync(image);
            Assert.Equal(200, picture.Status);
            Assert.Equal(await MetaAsync(page, "og:image:type"), picture.Headers["content-type"]);
            var size = await page.EvaluateAsync<int[]>(
                "async src => { const i = new Image(); i.src = src; await i.decode(); return [i.naturalWidth, i.naturalHeight]; }", image);
            Assert.Equal([int.Parse(await MetaAsync(page, "og:image:width")), int.Parse(await MetaAsync(page, "og:image:height"))], size);

            Assert.Equal("summary_large_image", await MetaAsync(page, "twitter:card"));
            Assert.Equal(title, await MetaAsync(page, "twitter:title"));
            Assert.Equal(lead, await MetaAsync(page, "twitter:description"));
            Assert.Equal(image, await MetaAsync(page, "twitter:image"));

            // The share links hand the same address to Zalo and Facebook.
            Assert.Contains(Uri.EscapeDataString(url), await page.Locator("[data-test=share-zalo]").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.Contains(Uri.EscapeDataString(url), await page.Locator("[data-test=share-facebook]").GetAttributeAsync("href"), StringComparison.Ordinal);
        }, name: $"SharePreview-{device}");

    [Theory]
    [MemberData(nameof(Devices))]
    public Task Feeds_ThePageAnnounces_ReadByAFeedReader_AndSitemaps_ReadByAnXmlParser_LeadToTheBulletins(string device) =>
        fixture.JourneyAsync(output, DeviceNamed(device), async page =>
        {
            // The site feed, found as a feed reader finds it: the page's autodiscovery link.
            await page.GotoAsync(_app.Url("/"));
            var siteFeed = await ReadFeedAsync(page, await page.Locator("link[rel=alternate][type='application/rss+xml']").First.GetAttributeAsync("href"));
            Assert.Equal("vi", siteFeed.Language);
            Assert.True(siteFeed.Items.Count() >= 10);
            var newest = siteFeed.Items.First();
            Assert.Equal(newest.PublishDate, siteFeed.Items.Max(i => i.PublishDate));
            Assert.Equal(TimeSpan.FromHours(7), newest.PublishDate.Offset);
            var newestTitle = newest.Title.Text;
            await page.GotoAsync(newest.Links.Single().Uri.ToString());
            await Expect(page.Locator("[data-test=title]")).ToHaveTextAsync(newestTitle);

            // A category's own feed, announced on its page: only that category.
            await page.GotoAsync(_app.Url("/chuyen-muc/tin-phuong"));
            var feedLinks = page.Locator("link[rel=alternate][type='application/rss+xml']");
            await Expect(feedLinks).ToHaveCountAsync(2);
            var categoryFeed = await ReadFeedAsync(page, await feedLinks.Nth(1).GetAttributeAsync("href"));
            Assert.NotEmpty(categoryFeed.Items);
            Assert.All(categoryFeed.Items, item => Assert.Equal("Tin phường", item.Categories.Single().Name));
            var listed = await page.Locator("[data-test=article-item] a.article-link").AllInnerTextsAsync();
            Assert.Equal(listed.Select(t => t.Trim()).Take(5), categoryFeed.Items.Take(5).Select(i => i.Title.Text));

            // robots.txt names the sitemap index; the index names its pages; a page lists every bulletin's address.
            var robots = await (await page.Context.APIRequest.GetAsync(_app.Url("/robots.txt"))).TextAsync();
            var indexUrl = robots.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("Sitemap:", StringComparison.Ordinal))["Sitemap:".Length..].Trim();
            var index = await ReadXmlAsync(page, indexUrl);
            XNamespace sm = SitemapNamespace;
            Assert.Equal(sm + "sitemapindex", index.Root!.Name);
            var pageUrls = index.Root.Elements(sm + "sitemap").Select(s => s.Element(sm + "loc")!.Value).ToList();
            Assert.NotEmpty(pageUrls);
            var addresses = new List<string>();
            foreach (var pageUrl in pageUrls.Where(u => !u.EndsWith("tin-moi.xml", StringComparison.Ordinal)))
            {
                var urlset = await ReadXmlAsync(page, pageUrl);
                Assert.Equal(sm + "urlset", urlset.Root!.Name);
                foreach (var entry in urlset.Root.Elements(sm + "url"))
                {
                    addresses.Add(entry.Element(sm + "loc")!.Value);
                    Assert.True(DateTimeOffset.TryParse(entry.Element(sm + "lastmod")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
                }
            }

            Assert.Equal(addresses.Count, addresses.Distinct().Count());
            Assert.Contains(_app.Url("/"), addresses);
            Assert.Contains(newest.Links.Single().Uri.ToString(), addresses);
            Assert.Contains(categoryFeed.Items.Last().Links.Single().Uri.ToString(), addresses);
            var published = await _app.WithDbAsync(db => db.Articles.CountAsync(ArticleVisibility.VisibleAt(_app.Clock.GetUtcNow().UtcDateTime)));
            Assert.Equal(published, addresses.Count(a => a.Contains("/tin-tuc/", StringComparison.Ordinal)));

            // An address from the sitemap opens its page for a resident.
            var fromSitemap = addresses.Last(a => a.Contains("/tin-tuc/", StringComparison.Ordinal));
            var response = await page.GotoAsync(fromSitemap);
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("[data-test=title]")).ToBeVisibleAsync();
        }, name: $"Feeds-{device}");

    private static Device DeviceNamed(string name) => name == Device.Phone.Name ? Device.Phone : Device.Desktop;

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} scrolls sideways: {widths[0]} px of content in a {widths[1]} px window.");
    }

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

    /// <summary>Each list item's and each thumbnail's box in page coordinates, rounded to a pixel.</summary>
    private static async Task<(List<int[]> Items, List<int[]> Thumbs)> ItemBoxesAsync(IPage page)
    {
        const string Boxes = "selector => [...document.querySelectorAll(selector)].map(e => { const r = e.getBoundingClientRect(); return [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)]; })";
        var items = await page.EvaluateAsync<int[][]>(Boxes, "[data-test=article-item]");
        var thumbs = await page.EvaluateAsync<int[][]>(Boxes, "[data-test=article-item] img.thumb");
        return (items.ToList(), thumbs.ToList());
    }

    private static async Task<string> MetaAsync(IPage page, string property)
    {
        var selector = property.StartsWith("twitter:", StringComparison.Ordinal) ? $"meta[name='{property}']" : $"meta[property='{property}']";
        var metas = page.Locator(selector);
        await Expect(metas).ToHaveCountAsync(1);
        return await metas.GetAttributeAsync("content") ?? throw new InvalidOperationException($"{property} has no content.");
    }

    private static async Task<SyndicationFeed> ReadFeedAsync(IPage page, string? href)
    {
        Assert.NotNull(href);
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/rss+xml", response.Headers["content-type"], StringComparison.Ordinal);
        using var reader = XmlReader.Create(new MemoryStream(await response.BodyAsync()));
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader), "The feed is RSS 2.0.");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static async Task<XDocument> ReadXmlAsync(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        using var stream = new MemoryStream(await response.BodyAsync());
        return XDocument.Load(stream);
    }

    /// <summary>
    /// Gives every published bulletin of <paramref name="category"/> a cover (a PNG in the app's uploads folder) for the
    /// journey, then takes them away again so the other journeys see the demo content as it is.
    /// </summary>
    private async Task WithCoversAsync(int category, Func<Task> journey)
    {
        var folder = Path.Combine(_app.UploadsPath, "2026", "11");
        Directory.CreateDirectory(folder);
        var png = TestImages.Png(320, 180);
        var ids = await _app.WithDbAsync(async db =>
        {
            var articles = await db.Articles.Where(a => a.CategoryId == category && a.Status == ArticleStatus.Published && a.CoverImagePath == null).ToListAsync();
            foreach (var article in articles)
            {
                var name = $"hanh-trinh-anh-{article.Id}.png";
                await File.WriteAllBytesAsync(Path.Combine(folder, name), png);
                article.CoverImagePath = $"/uploads/2026/11/{name}";
            }

            await db.SaveChangesAsync();
            return articles.Select(a => a.Id).ToList();
        });
        await _app.PublicContentChangedAsync();
        try
        {
            await journey();
        }
        finally
        {
            await _app.WithDbAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.CoverImagePath, (string?)null)));
            await _app.PublicContentChangedAsync();
        }
    }
}
