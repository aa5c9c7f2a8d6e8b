using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Caching;

/// <summary>
/// Public pages come from the output cache after their first rendering (the Age header says so); counting must
/// stay exact and per browser on those cached copies, and publishing or a scheduled time must show at once.
/// Each test uses its own app: counts and cached pages are global.
/// </summary>
public sealed class PageCacheTests : IAsyncLifetime, IDisposable
{
    private readonly ReaderSiteFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private string EveningUrl => $"/tin-tuc/{_app.Evening.Id}/{_app.Evening.Slug}";

    [Fact]
    public async Task ArticlePage_SecondRequest_ComesFromTheCache()
    {
        var (first, _) = await _app.GetAsReaderAsync(EveningUrl);
        var (second, _) = await _app.GetAsReaderAsync(EveningUrl);

        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"));
    }

    [Fact]
    public async Task ArticleView_SameBrowserTwiceFromCache_CountsOnce()
    {
        var browser = _app.CreateBrowser();
        await _app.GetAsReaderAsync(EveningUrl);
        await _app.FlushCountsAsync();

        var (firstResponse, first) = await Html.GetAsync(browser, EveningUrl);
        var (secondResponse, second) = await Html.GetAsync(browser, EveningUrl);
        await _app.FlushCountsAsync();

        Assert.True(firstResponse.Headers.Contains("Age"));
        Assert.True(secondResponse.Headers.Contains("Age"));
        Assert.Equal("Số lượt người xem: 433", first.Text("[data-test=views]"));
        Assert.Equal("Số lượt người xem: 433", second.Text("[data-test=views]"));
        Assert.Equal(2, await StoredViewsAsync());
    }

    [Fact]
    public async Task ArticleView_TwoBrowsersOneFromCache_CountTwice()
    {
        var (_, first) = await _app.GetAsReaderAsync(EveningUrl);
        var (cachedResponse, second) = await _app.GetAsReaderAsync(EveningUrl);
        await _app.FlushCountsAsync();

        Assert.True(cachedResponse.Headers.Contains("Age"));
        Assert.Equal("Số lượt người xem: 432", first.Text("[data-test=views]"));
        Assert.Equal("Số lượt người xem: 433", second.Text("[data-test=views]"));
        Assert.Equal(2, await StoredViewsAsync());
    }

    [Fact]
    public async Task ArticleView_ManyBrowsersAcrossFlushes_ShowsAndStoresEveryView()
    {
        for (var i = 1; i <= 6; i++)
        {
            var (_, page) = await _app.GetAsReaderAsync(EveningUrl);
            Assert.Equal($"Số lượt người xem: {431 + i}", page.Text("[data-test=views]"));
            if (i % 2 == 0)
            {
                await _app.FlushCountsAsync();
            }
        }

        Assert.Equal(6, await StoredViewsAsync());
    }

    [Fact]
    public async Task CachedPage_SetsThisBrowsersCookies_AndNeverAnotherOnes()
    {
        await _app.GetAsReaderAsync(EveningUrl);

        var (person, _) = await _app.GetAsReaderAsync(EveningUrl);
        var (bot, _) = await Html.GetAsync(_app.CreateBrowser("Mozilla/5.0 (compatible; Googlebot/2.1)"), EveningUrl);

        Assert.True(person.Headers.Contains("Age"));
        var cookies = person.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(CountingCookies.Visit + "=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(CountingCookies.Seen + "=" + _app.Evening.Id + ".", StringComparison.Ordinal));
        Assert.True(bot.Headers.Contains("Age"));
        Assert.False(bot.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-cache", bot.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task VisitCounter_OnCachedHomePage_CountsEachNewBrowser()
    {
        var counts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var (_, page) = await _app.GetAsReaderAsync("/");
            counts.Add(page.VisitCounter());
        }

        var browser = _app.CreateBrowser();
        await Html.GetAsync(browser, "/");
        var (_, again) = await Html.GetAsync(browser, "/chuyen-muc/tin-phuong");

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal(4, again.VisitCounter());
    }

    [Fact]
    public async Task Publishing_EvictsCachedPagesAtOnce()
    {
        await _app.GetAsReaderAsync("/");
        await _app.GetAsReaderAsync(EveningUrl);
        await RetitleEveningAsync("Phường tổ chức đêm văn nghệ chào mừng 20/11");

        // Written without telling the cache: the cached copies still show the old title, which proves they are cached.
        var (_, staleHome) = await _app.GetAsReaderAsync("/");
        Assert.Contains("Phường tổ chức đêm văn nghệ mừng ngày Nhà giáo", staleHome.Texts(".article-link"));

        await _app.PublicContentChangedAsync();

        // The new title makes a new slug: the old address now answers 301 instead of the cached page.
        var (_, home) = await _app.GetAsReaderAsync("/");
        var moved = await _app.CreateBrowser().GetAsync(new Uri(EveningUrl, UriKind.Relative));
        var (response, article) = await _app.GetAsReaderAsync(moved.Headers.Location!.OriginalString);
        Assert.Contains("Phường tổ chức đêm văn nghệ chào mừng 20/11", home.Texts(".article-link"));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Phường tổ chức đêm văn nghệ chào mừng 20/11", article.Text("[data-test=title]"));
    }

    [Fact]
    public async Task Unpublishing_EvictsTheCachedArticlePage()
    {
        await _app.GetAsReaderAsync(EveningUrl);
        await _app.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == _app.Evening.Id);
            article.Unpublish();
            await db.SaveChangesAsync();
        });
        await _app.PublicContentChangedAsync();

        var response = await _app.CreateBrowser().GetAsync(new Uri(EveningUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ScheduledBulletin_AppearsAtItsTime_EvenWhenPagesAreCached()
    {
        var scheduledUrl = $"/tin-tuc/{_app.Scheduled.Id}/{_app.Scheduled.Slug}";
        await _app.GetAsReaderAsync("/");
        await _app.GetAsReaderAsync("/chuyen-muc/thong-bao");
        var (cachedResponse, before) = await _app.GetAsReaderAsync("/");
        var (_, searchBefore) = await _app.GetAsReaderAsync("/tim-kiem?q=hen+gio");
        Assert.True(cachedResponse.Headers.Contains("Age"));
        Assert.DoesNotContain(_app.Scheduled.Title, before.Texts(".article-link"));
        Assert.Empty(searchBefore.QuerySelectorAll("[data-test=search-result]"));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateBrowser().GetAsync(new Uri(scheduledUrl, UriKind.Relative))).StatusCode);

        // 21 Nov 2026 08:00 Vietnam time, to the second.
        _app.Clock.Set(new DateTimeOffset(VietnamTime.ToUtc(new DateTime(2026, 11, 21, 8, 0, 0)), TimeSpan.Zero));

        var (_, home) = await _app.GetAsReaderAsync("/");
        var (_, category) = await _app.GetAsReaderAsync("/chuyen-muc/thong-bao");
        var (articleResponse, _) = await _app.GetAsReaderAsync(scheduledUrl);
        var (_, search) = await _app.GetAsReaderAsync("/tim-kiem?q=hen+gio");
        Assert.Contains(_app.Scheduled.Title, home.Texts(".article-link"));
        Assert.Contains(_app.Scheduled.Title, category.Texts(".article-link"));
        Assert.Equal(HttpStatusCode.OK, articleResponse.StatusCode);
        Assert.Single(search.QuerySelectorAll("[data-test=search-result]"));
    }

    [Fact]
    public async Task ClockSetBack_ThenForward_PagesFollowTheClock()
    {
        var now = _app.Clock.GetUtcNow();
        var (_, current) = await _app.GetAsReaderAsync("/");
        Assert.Contains(_app.Evening.Title, current.Texts(".article-link"));

        // Back to 5 Nov: the 10 Nov bulletin is not public yet, whatever was cached at the later time.
        _app.Clock.Set(now.AddDays(-15));
        var (_, past) = await _app.GetAsReaderAsync("/");
        var (_, pastAgain) = await _app.GetAsReaderAsync("/");
        _app.Clock.Set(now);
        var (_, back) = await _app.GetAsReaderAsync("/");

        Assert.DoesNotContain(_app.Evening.Title, past.Texts(".article-link"));
        Assert.DoesNotContain(_app.Evening.Title, pastAgain.Texts(".article-link"));
        Assert.Contains(_app.Evening.Title, back.Texts(".article-link"));
    }

    [Fact]
    public async Task Search_AfterPublishing_FindsTheNewBulletinAtOnce()
    {
        var (_, before) = await _app.GetAsReaderAsync("/tim-kiem?q=van+nghe");
        await _app.WithDbAsync(db => TestArticles.AddAsync(db, "Liên hoan văn nghệ quần chúng Quận 5", new DateTime(2026, 11, 19, 9, 0, 0)));
        await _app.PublicContentChangedAsync();

        var (_, after) = await _app.GetAsReaderAsync("/tim-kiem?q=van+nghe");

        Assert.Single(before.QuerySelectorAll("[data-test=search-result]"));
        Assert.Equal(
            ["Liên hoan văn nghệ quần chúng Quận 5", "Phường tổ chức đêm văn nghệ mừng ngày Nhà giáo"],
            after.Texts("[data-test=search-result] .article-link"));
    }

    [Fact]
    public async Task CategoryPage_OtherQueryStrings_ShareTheCachedPageButPagesDoNot()
    {
        await _app.GetAsReaderAsync("/chuyen-muc/ban-tin-quan");
        var (tracked, first) = await _app.GetAsReaderAsync("/chuyen-muc/ban-tin-quan?fbclid=abc123");
        var (secondPage, second) = await _app.GetAsReaderAsync("/chuyen-muc/ban-tin-quan?page=2");

        Assert.True(tracked.Headers.Contains("Age"));
        Assert.False(secondPage.Headers.Contains("Age"));
        Assert.NotEqual(first.Texts(".article-link"), second.Texts(".article-link"));
    }

    [Fact]
    public async Task ArticlePage_WrongCaseSlug_StillRedirectsAfterTheRightOneIsCached()
    {
        await _app.GetAsReaderAsync(EveningUrl);

        var response = await _app.CreateBrowser().GetAsync(new Uri(EveningUrl.ToUpperInvariant().Replace("/TIN-TUC/", "/tin-tuc/", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
    }

    [Fact]
    public async Task Pages_LinkStaticAssetsByFingerprintedNames()
    {
        var (_, page) = await _app.GetAsReaderAsync(EveningUrl);

        // site.<fingerprint>.css: a new file gets a new name, so the old one can be cached for a year (immutable).
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(stylesheets, href => System.Text.RegularExpressions.Regex.IsMatch(href, @"^/css/site\.[a-z0-9]{6,}\.css$"));
        Assert.Matches(@"^/js/print\.[a-z0-9]{6,}\.js$", page.QuerySelector("script[src^='/js/print']")!.GetAttribute("src"));
        var css = await _app.CreateBrowser().GetAsync(new Uri(stylesheets[0], UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    private Task<long> StoredViewsAsync() =>
        _app.WithDbAsync(db => db.Articles.Where(a => a.Id == _app.Evening.Id).Select(a => a.Views).SingleAsync());

    private Task RetitleEveningAsync(string title) => _app.WithDbAsync(async db =>
    {
        var article = await db.Articles.SingleAsync(a => a.Id == _app.Evening.Id);
        article.SetContent(title, article.Lead, new HtmlBodySanitizer().SanitizeHtml(article.BodyHtml), ArticleHtml.ToPlainText(article.BodyHtml));
        await db.SaveChangesAsync();
    });
}
