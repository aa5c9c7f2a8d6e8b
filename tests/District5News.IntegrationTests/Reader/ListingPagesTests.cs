using System.Net;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Reader;

public sealed class ListingPagesTests(ReaderSiteFactory app) : IClassFixture<ReaderSiteFactory>
{
    [Fact]
    public async Task Home_ShowsNewestGroupedByCategoryAndTheCounter()
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sections = page.Texts("[data-test=home-section] h2");
        Assert.Equal(["Bản tin quận", "Tin phường"], sections);
        Assert.Equal("Bản tin quận số 25", page.QuerySelector("[data-test=home-section] .article-link")!.TextContent.Trim());
        Assert.Equal("Ban Tuyên giáo Quận ủy triển khai nhiệm vụ năm 2027", page.Text("[data-test=feature] h3"));
        Assert.DoesNotContain(page.Texts(".article-link"), t => t.Contains("hẹn giờ", StringComparison.Ordinal) || t.Contains("nháp", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("[data-test=visit-counter]"));
        Assert.NotNull(page.QuerySelector("form[action='/theo-ngay'] input[type=text][name=ngay]"));
        Assert.NotNull(page.QuerySelector("form[action='/tim-kiem'] input[name=q]"));
    }

    [Fact]
    public async Task Category_FirstPage_ListsTenNewestWithPagerAndXemTiep()
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/chuyen-muc/ban-tin-quan");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bản tin quận", page.Text("h1"));
        var titles = page.Texts(".article-list .article-link");
        Assert.Equal(10, titles.Count);
        Assert.Equal("Bản tin quận số 25", titles[0]);
        Assert.Equal("Bản tin quận số 16", titles[9]);
        Assert.Equal("/chuyen-muc/ban-tin-quan?page=2", page.QuerySelector("[data-test=pager] [data-test=xem-tiep]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Category_LastPage_HoldsTheRemainderAndNoXemTiep()
    {
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/chuyen-muc/ban-tin-quan?page=3");

        Assert.Equal(["Bản tin quận số 5", "Bản tin quận số 4", "Bản tin quận số 3", "Bản tin quận số 2", "Bản tin quận số 1"],
            page.Texts(".article-list .article-link"));
        Assert.Null(page.QuerySelector("[data-test=xem-tiep]"));
    }

    [Fact]
    public async Task Day_ListsThatDaysBulletinsInVietnamTimeWithNeighbourDays()
    {
        // 20:30 on 10 Nov in Vietnam is 13:30 UTC: it belongs to the 10th whatever the server's zone.
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2026/11/10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tin ngày 10/11/2026", page.Text("h1"));
        Assert.Equal(["Phường tổ chức đêm văn nghệ mừng ngày Nhà giáo"], page.Texts(".article-list .article-link"));
        Assert.Equal("/theo-ngay/2026/10/25", page.QuerySelector("[data-test=previous-day]")!.GetAttribute("href"));
        Assert.Equal("/theo-ngay/2026/11/11", page.QuerySelector("[data-test=next-day]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Day_WithoutBulletins_SaysSoAndStillLinksNeighbours()
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2026/11/01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll(".article-list .article-link"));
        Assert.Equal("/theo-ngay/2026/10/25", page.QuerySelector("[data-test=previous-day]")!.GetAttribute("href"));
        Assert.Equal("/theo-ngay/2026/11/10", page.QuerySelector("[data-test=next-day]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Month_ListsTheMonthsBulletinsGroupedByDay()
    {
        var (response, page) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2026/11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tin tháng 11/2026", page.Text("h1"));
        Assert.Equal(["Ngày 12/11/2026", "Ngày 11/11/2026", "Ngày 10/11/2026"], page.Texts(".day-group h2"));
    }

    [Fact]
    public async Task DatePicker_ValidDate_RedirectsToThatDay()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/theo-ngay?ngay=2026-11-10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/theo-ngay/2026/11/10", response.Headers.Location!.OriginalString);
    }
}
