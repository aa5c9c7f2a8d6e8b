using System.Net;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Reader;

public sealed class ArticlePageTests(ReaderSiteFactory app) : IClassFixture<ReaderSiteFactory>
{
    [Fact]
    public async Task Show_PublishedBulletin_ShowsEverythingTheOriginalPageShows()
    {
        var article = app.Evening;
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), $"/tin-tuc/{article.Id}/{article.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Tin phường", page.Text("[data-test=category]"));
        Assert.Equal("10 Tháng Mười Một 2026 8:30:00 CH", page.Text("[data-test=published]"));
        Assert.Equal("Phường tổ chức đêm văn nghệ mừng ngày Nhà giáo", page.Text("[data-test=title]"));
        Assert.Equal("Đêm văn nghệ thu hút đông đảo người dân tham dự.", page.Text("[data-test=lead]"));
        Assert.Contains("Đoạn thứ hai của bản tin.", page.Text("[data-test=body]"), StringComparison.Ordinal);
        Assert.Equal("Số lượt người xem: 432", page.Text("[data-test=views]"));
        Assert.Equal("In bài", page.Text("[data-test=print]"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][media=print][href^='/css/print.'][href$='.css']"));
        Assert.Contains($"/tin-tuc/{article.Id}/{article.Slug}", page.Text(".print-source"), StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll("[data-test=visit-counter] .digit").Length);
    }

    [Fact]
    public async Task Show_MorningBulletin_WritesSaWithTwelveHourClock()
    {
        var article = app.DistrictSeries[0];
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), $"/tin-tuc/{article.Id}/{article.Slug}");

        Assert.Equal("1 Tháng Mười 2026 8:15:00 SA", page.Text("[data-test=published]"));
    }

    [Fact]
    public async Task Show_MiddleOfSeries_ListsFiveNewerAndTenOlderWithXemTiep()
    {
        var article = app.DistrictSeries[19]; // "số 20": 5 newer (21..25), 19 older
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), $"/tin-tuc/{article.Id}/{article.Slug}");

        var newer = page.Texts("[data-test=newer] .article-link");
        var older = page.Texts("[data-test=older] .article-link");
        Assert.Equal(["Bản tin quận số 25", "Bản tin quận số 24", "Bản tin quận số 23", "Bản tin quận số 22", "Bản tin quận số 21"], newer);
        Assert.Equal(10, older.Count);
        Assert.Equal("Bản tin quận số 19", older[0]);
        Assert.Equal("Bản tin quận số 10", older[9]);

        // The link names the last bulletin shown ("số 10"); the listing sends it on to the page holding the next one,
        // "số 9", which is 17th newest in the category: page 2.
        var more = page.QuerySelector("[data-test=older] [data-test=xem-tiep]")!.GetAttribute("href");
        Assert.Equal($"/chuyen-muc/ban-tin-quan?truoc={app.DistrictSeries[9].Id}", more);
        var followed = await app.CreateBrowser().GetAsync(new Uri(more!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, followed.StatusCode);
        Assert.Equal("/chuyen-muc/ban-tin-quan?page=2", followed.Headers.Location!.OriginalString);
        var (_, listing) = await Html.GetAsync(app.CreateBrowser(), followed.Headers.Location.OriginalString);
        Assert.Contains("Bản tin quận số 9", listing.Texts(".article-link"));
    }

    [Theory]
    [InlineData(16, 1)] // "số 17" sits at position 8 (zero-based, newest first): "số 16" is at 9, the last of page 1
    [InlineData(15, 2)] // "số 16": "số 15" is at 10, the first of page 2
    [InlineData(5, 3)] // "số 6": "số 5" is at 20, the first of page 3
    [InlineData(0, 3)] // the oldest ("số 1", at 24): nothing follows it, so its own page, the last one
    public async Task CategoryAfter_SendsToThePageHoldingTheNextBulletin(int seriesIndex, int expectedPage)
    {
        var after = app.DistrictSeries[seriesIndex];
        var response = await app.CreateBrowser().GetAsync(new Uri($"/chuyen-muc/ban-tin-quan?truoc={after.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expectedPage == 1 ? "/chuyen-muc/ban-tin-quan" : $"/chuyen-muc/ban-tin-quan?page={expectedPage}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CategoryAfter_BulletinOfAnotherCategoryOrUnknown_SendsToTheFirstPage_AndBadNumberIs400()
    {
        var browser = app.CreateBrowser();
        foreach (var id in new[] { app.Evening.Id, 999_999 })
        {
            var response = await browser.GetAsync(new Uri($"/chuyen-muc/ban-tin-quan?truoc={id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("/chuyen-muc/ban-tin-quan", response.Headers.Location!.OriginalString);
        }

        var (bad, page) = await Html.GetAsync(browser, "/chuyen-muc/ban-tin-quan?truoc=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Địa chỉ trang có tham số không hợp lệ.", page.Text("[data-test=error-message]"));
    }

    [Fact]
    public async Task Show_OldestBulletin_HasNoOlderAndNoXemTiep()
    {
        var article = app.DistrictSeries[0];
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), $"/tin-tuc/{article.Id}/{article.Slug}");

        Assert.Empty(page.QuerySelectorAll("[data-test=older] .article-link"));
        Assert.Null(page.QuerySelector("[data-test=older] [data-test=xem-tiep]"));
        Assert.Equal(5, page.QuerySelectorAll("[data-test=newer] .article-link").Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/sai-duong-dan")]
    [InlineData("/PHUONG-TO-CHUC-DEM-VAN-NGHE-MUNG-NGAY-NHA-GIAO")]
    public async Task Show_WrongOrMissingSlug_RedirectsPermanentlyToCanonical(string suffix)
    {
        var article = app.Evening;
        var response = await app.CreateBrowser().GetAsync(new Uri($"/tin-tuc/{article.Id}{suffix}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/tin-tuc/{article.Id}/phuong-to-chuc-dem-van-nghe-mung-ngay-nha-giao", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Show_DraftUnpublishedOrScheduled_AnswersNotFound()
    {
        var client = app.CreateBrowser();
        foreach (var hidden in new[] { app.Draft, app.Unpublished, app.Scheduled })
        {
            var response = await client.GetAsync(new Uri($"/tin-tuc/{hidden.Id}/{hidden.Slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
