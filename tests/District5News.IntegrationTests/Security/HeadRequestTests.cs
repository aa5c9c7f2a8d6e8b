using System.Net;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// Uptime monitors and link checkers ask with HEAD: every GET page answers it with the GET's status and headers and
/// no body, and a HEAD is never counted as a visit, a page view or a bulletin view.
/// </summary>
public sealed class HeadRequestTests(KestrelSiteFactory app) : IClassFixture<KestrelSiteFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/",
        "{article}",
        "/chuyen-muc/ban-tin-quan",
        "/theo-ngay/2026/11/18",
        "/theo-ngay/2026/11",
        "/tim-kiem?q=kenh",
        "/khong-co-trang-nay",
        "/tin-tuc/999999/khong-co",
        "/tin-tuc/{id}",
        "/theo-ngay?ngay=2026-11-18",
        "/tim-kiem?q=kenh&page=abc",
        "/tai-khoan/dang-nhap",
        "/admin",
    };

    private string Resolve(string page) => page
        .Replace("{article}", app.ArticleUrl, StringComparison.Ordinal)
        .Replace("{id}", app.Article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Head_AnyGetPage_SameStatusAndHeadersAsGet(string page)
    {
        var url = new Uri(Resolve(page), UriKind.Relative);
        using var client = app.CreateSocketBrowser();

        var get = await client.GetAsync(url);
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, url);
        var head = await client.SendAsync(headRequest);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Equal(get.Headers.CacheControl?.ToString(), head.Headers.CacheControl?.ToString());
        Assert.Equal(get.Headers.GetValues("Content-Security-Policy"), head.Headers.GetValues("Content-Security-Policy"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/", "200 OK")]
    [InlineData("{article}", "200 OK")]
    [InlineData("/khong-co-trang-nay", "404 Not Found")]
    public async Task Head_OnTheWire_HasNoBody(string page, string status)
    {
        var answer = await app.RawExchangeAsync("HEAD", Resolve(page));

        Assert.StartsWith($"HTTP/1.1 {status}\r\n", answer, StringComparison.Ordinal);
        var endOfHeaders = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(endOfHeaders > 0);
        Assert.Equal(string.Empty, answer[(endOfHeaders + 4)..]);
    }

    [Fact]
    public async Task Head_OnCountedPages_CountsNothing()
    {
        var before = await CountsAsync();
        foreach (var page in new[] { "/", "{article}", "/chuyen-muc/ban-tin-quan", "/theo-ngay/2026/11/18", "/tim-kiem?q=kenh" })
        {
            using var client = app.CreateSocketBrowser();
            using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(Resolve(page), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        var afterHeads = await CountsAsync();
        using var reader = app.CreateSocketBrowser();
        await reader.GetAsync(new Uri(app.ArticleUrl, UriKind.Relative));
        var afterGet = await CountsAsync();

        Assert.Equal(before, afterHeads);

        // The same measure does see one reader's GET: a visit, a page view and a view of the bulletin.
        Assert.Equal(before with { Visits = before.Visits + 1, PageViews = before.PageViews + 1, ArticleViews = before.ArticleViews + 1 }, afterGet);
    }

    private async Task<Counts> CountsAsync()
    {
        await app.FlushCountsAsync();
        return await app.WithDbAsync(async db => new Counts(
            await db.DailyStats.SumAsync(d => d.Visits),
            await db.DailyStats.SumAsync(d => d.PageViews),
            await db.Articles.Where(a => a.Id == app.Article.Id).Select(a => a.Views).SingleAsync()));
    }

    private sealed record Counts(long Visits, long PageViews, long ArticleViews);
}
