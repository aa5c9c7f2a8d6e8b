using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Counting;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Residents;

/// <summary>RSS 2.0 feeds read by a real feed reader, sitemaps read as XML, robots.txt; all cached and never page views.</summary>
public sealed class FeedTests : IAsyncLifetime, IDisposable
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    // Its own app per test: the eviction and counting tests change what the others would read.
    private readonly ResidentsSiteFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SiteRss_ReadByAFeedReader_ListsVisibleBulletinsNewestFirst_WithAbsoluteLinksAndVietnamTime()
    {
        var (response, feed) = await ReadFeedAsync("/rss");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName, feed.Title.Text);
        Assert.Equal("vi", feed.Language);
        Assert.Equal(new Uri(ResidentsSiteFactory.BaseUrl + "/"), feed.Links.Single(l => l.RelationshipType == "alternate").Uri);
        var first = feed.Items.First();
        Assert.Equal("Hội nghị tổng kết công tác dân vận năm 2026", first.Title.Text);
        Assert.Equal(new Uri(ResidentsSiteFactory.BaseUrl + _app.UrlOf(_app.Yesterday)), first.Links.Single().Uri);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 20, 15, 0, TimeSpan.FromHours(7)), first.PublishDate);
        Assert.Equal(TimeSpan.FromHours(7), first.PublishDate.Offset);
        Assert.Equal("Bản tin quận", first.Categories.Single().Name);

        var titles = feed.Items.Select(i => i.Title.Text).ToList();
        Assert.DoesNotContain(_app.DengueDraft.Title, titles);
        Assert.DoesNotContain(_app.Scheduled.Title, titles);
        var dates = feed.Items.Select(i => i.PublishDate).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task CategoryRss_HoldsOnlyThatCategory_AndAnUnknownCategoryIsNotFound()
    {
        var (_, feed) = await ReadFeedAsync("/chuyen-muc/thong-bao/rss");
        var missing = await _app.CreateBrowser().GetAsync(new Uri("/chuyen-muc/khong-co/rss", UriKind.Relative));

        Assert.Equal($"Thông báo – {District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName}", feed.Title.Text);
        Assert.Equal([_app.DengueNotice.Title], feed.Items.Select(i => i.Title.Text));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Rss_FollowsRss20Structure()
    {
        var rss = await GetXmlAsync("/rss", "application/rss+xml");

        Assert.Equal("rss", rss.Root!.Name.LocalName);
        Assert.Equal("2.0", rss.Root.Attribute("version")!.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.All(new[] { "title", "link", "description" }, name => Assert.NotNull(channel.Element(name)));
        Assert.Equal(ResidentsSiteFactory.BaseUrl + "/rss", channel.Element(XName.Get("link", "http://www.w3.org/2005/Atom"))!.Attribute("href")!.Value);
        Assert.All(channel.Elements("item"), item =>
        {
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            Assert.EndsWith("+0700", item.Element("pubDate")!.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SitemapIndex_NamesPagesOfAtMostThePageSize_ThatTogetherListEveryPublicAddressOnce()
    {
        var index = await GetXmlAsync("/sitemap.xml");

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").ToList();
        Assert.All(files, f => Assert.EndsWith("+07:00", f.Element(Sitemap + "lastmod")!.Value, StringComparison.Ordinal));
        var locations = files.Select(f => f.Element(Sitemap + "loc")!.Value).ToList();
        Assert.All(locations, l => Assert.StartsWith(ResidentsSiteFactory.BaseUrl + "/", l, StringComparison.Ordinal));
        Assert.Contains(ResidentsSiteFactory.BaseUrl + "/sitemap-tin-moi.xml", locations);

        var addresses = new List<string>();
        foreach (var page in locations.Where(l => l != ResidentsSiteFactory.BaseUrl + "/sitemap-tin-moi.xml"))
        {
            var urlset = await GetXmlAsync(new Uri(page).AbsolutePath);
            Assert.Equal(Sitemap + "urlset", urlset.Root!.Name);
            var urls = urlset.Root.Elements(Sitemap + "url").ToList();
            Assert.InRange(urls.Count, 1, ResidentsSiteFactory.SitemapPageSize);
            addresses.AddRange(urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        }

        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var visible = await _app.WithDbAsync(db => Task.FromResult(db.Articles
            .Where(a => a.Status == District5News.Web.Data.Entities.ArticleStatus.Published && a.DeletedAtUtc == null && a.PublishedAtUtc <= now)
            .Select(a => new { a.Id, a.Slug }).ToList()));
        var categories = await _app.WithDbAsync(db => Task.FromResult(db.Categories.Select(c => c.Slug).ToList()));
        var expected = visible.Select(a => $"/tin-tuc/{a.Id}/{a.Slug}")
            .Concat(categories.Select(c => "/chuyen-muc/" + c))
            .Append("/")
            .Select(p => ResidentsSiteFactory.BaseUrl + p)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, addresses.Order(StringComparer.Ordinal));
        Assert.True(files.Count > 2, "the test data must need several pages");
    }

    [Fact]
    public async Task SitemapPage_GivesEachBulletinItsLastChange_AndAPageBeyondTheLastIsNotFound()
    {
        var first = await GetXmlAsync("/sitemap-1.xml");
        var beyond = await _app.CreateBrowser().GetAsync(new Uri("/sitemap-99.xml", UriKind.Relative));

        var home = first.Root!.Elements(Sitemap + "url").First();
        Assert.Equal(ResidentsSiteFactory.BaseUrl + "/", home.Element(Sitemap + "loc")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", home.Element(Sitemap + "lastmod")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task NewsSitemap_ListsTheLastTwoDays_WithPublicationDateAndTitle()
    {
        var news = await GetXmlAsync("/sitemap-tin-moi.xml");

        var urls = news.Root!.Elements(Sitemap + "url").ToList();
        var only = Assert.Single(urls);
        Assert.Equal(ResidentsSiteFactory.BaseUrl + _app.UrlOf(_app.Yesterday), only.Element(Sitemap + "loc")!.Value);
        var entry = only.Element(News + "news")!;
        Assert.Equal(District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName, entry.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("vi", entry.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("2026-11-19T20:15:00+07:00", entry.Element(News + "publication_date")!.Value);
        Assert.Equal(_app.Yesterday.Title, entry.Element(News + "title")!.Value);
    }

    [Fact]
    public async Task Robots_NamesTheSitemapByItsAbsoluteAddress_AndKeepsCrawlersOutOfStaffPages()
    {
        var response = await _app.CreateBrowser().GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sitemap: " + ResidentsSiteFactory.BaseUrl + "/sitemap.xml", lines);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /tai-khoan/", lines);
    }

    [Fact]
    public async Task FeedsAndSitemaps_AreNotPageViews()
    {
        var counter = _app.Services.GetRequiredService<VisitCounter>();
        var browser = _app.CreateBrowser();
        var before = counter.Unwritten();

        foreach (var path in new[] { "/rss", "/chuyen-muc/tin-phuong/rss", "/sitemap.xml", "/sitemap-1.xml", "/sitemap-tin-moi.xml", "/robots.txt" })
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a counting cookie");
        }

        Assert.Equal(before, counter.Unwritten());

        // The same browser reading a page is counted: the check above can see a count.
        await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(before.PageViews + 1, counter.Unwritten().PageViews);
    }

    [Fact]
    public async Task Feeds_AreCached_AndEvictedWhenContentChanges()
    {
        var (_, before) = await ReadFeedAsync("/rss");
        var sitemapBefore = await GetStringAsync("/sitemap-tin-moi.xml");
        var added = await _app.WithDbAsync(db => TestArticles.AddAsync(db, "Thông báo lịch cắt điện ngày 21/11", new DateTime(2026, 11, 20, 9, 0, 0), TestArticles.Announcements));

        // Written behind the app's back: the cached feed does not know yet.
        var (_, cached) = await ReadFeedAsync("/rss");
        Assert.Equal(before.Items.Select(i => i.Title.Text), cached.Items.Select(i => i.Title.Text));
        Assert.Equal(sitemapBefore, await GetStringAsync("/sitemap-tin-moi.xml"));

        await _app.PublicContentChangedAsync();

        var (_, after) = await ReadFeedAsync("/rss");
        Assert.Equal(added.Title, after.Items.First().Title.Text);
        Assert.Contains(_app.UrlOf(added), await GetStringAsync("/sitemap-tin-moi.xml"), StringComparison.Ordinal);
        Assert.Contains(_app.UrlOf(added), await GetStringAsync("/chuyen-muc/thong-bao/rss"), StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> ReadFeedAsync(string path)
    {
        var response = await _app.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{path} is not RSS 2.0");
        formatter.ReadFrom(reader);
        return (response, formatter.Feed);
    }

    private async Task<XDocument> GetXmlAsync(string path, string mediaType = "application/xml")
    {
        var response = await _app.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> GetStringAsync(string path) =>
        await (await _app.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync();
}
