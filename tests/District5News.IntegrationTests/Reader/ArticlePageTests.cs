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

        // The list continues with "số 9", which is 17th newest in the category: page 2 of the listing.
        var more = page.QuerySelector("[data-test=older] [data-test=xem-tiep]")!.GetAttribute("href");
        Assert.Equal("/chuyen-muc/ban-tin-quan?page=2", more);
        var (_, listing) = await Html.GetAsync(app.CreateBrowser(), more!);
        Assert.Contains("Bản tin quận số 9", listing.Texts(".article-link"));
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
