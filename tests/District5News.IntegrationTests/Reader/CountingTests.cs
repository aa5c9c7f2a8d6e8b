using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Reader;

/// <summary>Each test uses its own app: counts are global, so tests must not see each other's views.</summary>
public abstract class CountingTests(ReaderSiteFactory app) : IAsyncLifetime, IDisposable
{
    private readonly ReaderSiteFactory _app = app;

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private string EveningUrl => $"/tin-tuc/{_app.Evening.Id}/{_app.Evening.Slug}";

    [Fact]
    public async Task ArticleView_SameBrowserTwice_CountsOnce()
    {
        var browser = _app.CreateBrowser();

        var (_, first) = await Html.GetAsync(browser, EveningUrl);
        var (_, second) = await Html.GetAsync(browser, EveningUrl);

        Assert.Equal("Số lượt người xem: 432", first.Text("[data-test=views]"));
        Assert.Equal("Số lượt người xem: 432", second.Text("[data-test=views]"));
    }

    [Fact]
    public async Task ArticleView_TwoBrowsers_CountTwice()
    {
        await Html.GetAsync(_app.CreateBrowser(), EveningUrl);
        var (_, page) = await Html.GetAsync(_app.CreateBrowser(), EveningUrl);

        Assert.Equal("Số lượt người xem: 433", page.Text("[data-test=views]"));
    }

    [Fact]
    public async Task ArticleView_SameBrowserAfterThirtyMinutes_CountsAgain()
    {
        var browser = _app.CreateBrowser();
        await Html.GetAsync(browser, EveningUrl);
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        var (_, page) = await Html.GetAsync(browser, EveningUrl);

        Assert.Equal("Số lượt người xem: 433", page.Text("[data-test=views]"));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ChatGPT-User/1.0; +https://openai.com/bot)")]
    [InlineData("Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("curl/8.5.0")]
    public async Task Bots_AreNotCounted(string userAgent)
    {
        var bot = _app.CreateBrowser(userAgent);
        await Html.GetAsync(bot, EveningUrl);
        await Html.GetAsync(bot, "/");

        var (_, page) = await Html.GetAsync(_app.CreateBrowser(), EveningUrl);
        Assert.Equal("Số lượt người xem: 432", page.Text("[data-test=views]"));
        Assert.Equal(1, page.VisitCounter());
    }

    [Theory]
    [InlineData("Sec-Purpose", "prefetch")]
    [InlineData("Sec-Purpose", "prefetch;prerender")]
    [InlineData("Purpose", "prefetch")]
    public async Task Prefetches_AreNotCounted(string header, string value)
    {
        var browser = _app.CreateBrowser();
        using (var request = new HttpRequestMessage(HttpMethod.Get, EveningUrl))
        {
            request.Headers.Add(header, value);
            await browser.SendAsync(request);
        }

        var (_, page) = await Html.GetAsync(browser, EveningUrl);
        Assert.Equal("Số lượt người xem: 432", page.Text("[data-test=views]"));
    }

    [Fact]
    public async Task VisitCounter_OneBrowsersPages_AreOneVisit()
    {
        var browser = _app.CreateBrowser();
        await Html.GetAsync(browser, "/");
        await Html.GetAsync(browser, "/chuyen-muc/ban-tin-quan");
        var (_, page) = await Html.GetAsync(browser, EveningUrl);
        Assert.Equal(1, page.VisitCounter());

        var (_, other) = await Html.GetAsync(_app.CreateBrowser(), "/");
        Assert.Equal(2, other.VisitCounter());
    }

    [Fact]
    public async Task VisitCounter_NotFoundPages_AreNotVisits()
    {
        var browser = _app.CreateBrowser();
        await browser.GetAsync(new Uri("/tin-tuc/999999/khong-co", UriKind.Relative));

        var (_, page) = await Html.GetAsync(_app.CreateBrowser(), "/");
        Assert.Equal(1, page.VisitCounter());
    }

    [Fact]
    public async Task Counts_AfterFlush_AreStoredPerDayAndInTotal()
    {
        var first = _app.CreateBrowser();
        await Html.GetAsync(first, "/");
        await Html.GetAsync(first, EveningUrl);
        await Html.GetAsync(first, EveningUrl);
        await Html.GetAsync(_app.CreateBrowser(), EveningUrl);

        await _app.FlushCountsAsync();

        var today = VietnamTime.Today(_app.Clock);
        var (day, articleViews, articleDay, site) = await _app.WithDbAsync(async db => (
            await db.DailyStats.SingleAsync(d => d.Date == today),
            await db.Articles.Where(a => a.Id == _app.Evening.Id).Select(a => a.Views).SingleAsync(),
            await db.ArticleDailyViews.SingleAsync(v => v.ArticleId == _app.Evening.Id && v.Date == today),
            await db.SiteCounters.SingleAsync()));
        Assert.Equal(2, day.Visits);
        Assert.Equal(4, day.PageViews);
        Assert.Equal(2, day.ArticleViews);
        Assert.Equal(2, articleViews);
        Assert.Equal(2, articleDay.Views);
        Assert.Equal(2, site.Visits);

        // After the flush the page shows the stored figures, with nothing counted twice.
        var (_, page) = await Html.GetAsync(first, EveningUrl);
        Assert.Equal("Số lượt người xem: 433", page.Text("[data-test=views]"));
        Assert.Equal(2, page.VisitCounter());
    }

    [Fact]
    public async Task Counts_FlushedTwiceByTwoInstances_AreAddedNotOverwritten()
    {
        await Html.GetAsync(_app.CreateBrowser(), EveningUrl);
        await _app.FlushCountsAsync();

        // A second instance of the portal on the same database.
        using var second = new SecondInstance(_app.Database.Share(), _app.Clock);
        await Html.GetAsync(second.CreateBrowser(), EveningUrl);
        await second.FlushCountsAsync();

        var views = await _app.WithDbAsync(db => db.Articles.Where(a => a.Id == _app.Evening.Id).Select(a => a.Views).SingleAsync());
        Assert.Equal(2, views);
    }

    [Fact]
    public async Task Figures_ShownByOneInstance_TakeInTheOthersCountsWithinFourSeconds()
    {
        using var second = new SecondInstance(_app.Database.Share(), _app.Clock);
        var (_, before) = await Html.GetAsync(second.CreateBrowser(), EveningUrl);

        // Three residents through this instance, written by its flush (every second in production).
        for (var i = 0; i < 3; i++)
        {
            await Html.GetAsync(_app.CreateBrowser(), EveningUrl);
        }

        await _app.FlushCountsAsync();
        second.Clock.Advance(TimeSpan.FromSeconds(4));
        var (_, after) = await Html.GetAsync(
            second.CreateBrowser("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), EveningUrl);

        // The second instance counted its own first reader (431 + 1); then the three from the first instance.
        Assert.Equal("Số lượt người xem: 432", before.Text("[data-test=views]"));
        Assert.Equal("Số lượt người xem: 435", after.Text("[data-test=views]"));
        Assert.Equal(4, after.VisitCounter());
    }

    private sealed class SecondInstance : NewsAppFactory
    {
        public SecondInstance(TestDatabase database, TestClock clock)
            : base(database) => Clock.Set(clock.GetUtcNow());
    }

    public sealed class OnSqlite() : CountingTests(new ReaderSiteFactory());

    public sealed class OnPostgreSql() : CountingTests(new ReaderSiteFactory.OnPostgreSql());
}
