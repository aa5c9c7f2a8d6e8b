using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Administration;

/// <summary>
/// The statistics page against counts produced by browsing the public site. Each test has its own app, because
/// counts are site-wide. The clock stands at 20 Nov 2026 10:00 Vietnam time.
/// </summary>
public abstract class StatisticsTests(ReaderSiteFactory app) : IAsyncLifetime, IDisposable
{
    private const string BotAgent = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private readonly ReaderSiteFactory _app = app;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _admin = await _app.SignInAsync(StaffRoles.Administrator);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Today_AfterThreeBrowsersAndABot_EqualsThePublicCounterAndTheExactCounts()
    {
        var publicCounter = await BrowseAsync();

        var (response, page) = await Html.GetAsync(_admin, "/admin/thong-ke");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, publicCounter);
        Assert.Equal(publicCounter, Value(page, "stats-total-visits"));
        Assert.Equal(3, Value(page, "stats-today-visits"));
        Assert.Equal(9, Value(page, "stats-today-pageviews"));
        Assert.Equal(6, Value(page, "stats-today-articleviews"));
        var today = page.QuerySelector("[data-test=stats-day][data-date='2026-11-20']")!;
        Assert.Equal("3", today.QuerySelector("[data-test=day-visits]")!.TextContent);
        Assert.Equal("9", today.QuerySelector("[data-test=day-pageviews]")!.TextContent);
        Assert.Equal("6", today.QuerySelector("[data-test=day-articleviews]")!.TextContent);
        Assert.Equal(3, Value(page, "range-visits"));
    }

    [Fact]
    public async Task Figures_IncludeCountsNotYetFlushed_AndSurviveAFlush()
    {
        await Html.GetAsync(_app.CreateBrowser(), Url(_app.Evening));
        await _app.FlushCountsAsync();
        await Html.GetAsync(_app.CreateBrowser(), Url(_app.Evening));

        var (_, before) = await Html.GetAsync(_admin, "/admin/thong-ke");
        await _app.FlushCountsAsync();
        var (_, after) = await Html.GetAsync(_admin, "/admin/thong-ke");

        Assert.Equal(2, Value(before, "stats-today-visits"));
        Assert.Equal(2, Value(after, "stats-today-visits"));
        Assert.Equal(2, Value(after, "stats-total-visits"));
        Assert.Equal(2, Value(after, "stats-today-articleviews"));
    }

    [Fact]
    public async Task MostRead_RanksTheMostViewedBulletinFirst_WithItsPublicLink()
    {
        await BrowseAsync();

        var (_, page) = await Html.GetAsync(_admin, "/admin/thong-ke");

        var items = page.QuerySelectorAll("[data-test=most-read-item]");
        Assert.Equal(4, items.Length);
        Assert.Equal(_app.Evening.Id.ToString(CultureInfo.InvariantCulture), items[0].GetAttribute("data-article-id"));
        Assert.Equal(Url(_app.Evening), items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(_app.Evening.Title, items[0].QuerySelector("a")!.TextContent);
        Assert.Equal("3", items[0].QuerySelector("[data-test=most-read-views]")!.GetAttribute("data-value"));
        Assert.All(items.Skip(1), i => Assert.Equal("1", i.QuerySelector("[data-test=most-read-views]")!.GetAttribute("data-value")));

        var categories = page.QuerySelectorAll("[data-test=category-row]")
            .ToDictionary(r => int.Parse(r.GetAttribute("data-category-id")!, CultureInfo.InvariantCulture), r => r.QuerySelector("td")!.GetAttribute("data-value"));
        Assert.Equal("5", categories[2]); // Tin phường: the evening bulletin three times, two others once
        Assert.Equal("1", categories[1]); // Bản tin quận
        Assert.Equal("0", categories[3]);
    }

    [Fact]
    public async Task MostRead_ForAPeriodBeforeTheViews_IsEmpty()
    {
        await BrowseAsync();

        var (_, page) = await Html.GetAsync(_admin, "/admin/thong-ke?tu=2026-10-01&den=2026-10-31");
        var (_, lastThirtyDays) = await Html.GetAsync(_admin, "/admin/thong-ke");

        // The same views do make a most-read list for the period they fall in.
        Assert.NotEmpty(lastThirtyDays.QuerySelectorAll("[data-test=most-read-item]"));
        Assert.Empty(page.QuerySelectorAll("[data-test=most-read-item]"));
        Assert.Equal(0, Value(page, "range-visits"));
        Assert.Equal(3, Value(page, "stats-today-visits"));
    }

    [Theory]
    [InlineData("", 30, "2026-10-22")]
    [InlineData("?khoang=30", 30, "2026-10-22")]
    [InlineData("?khoang=90", 90, "2026-08-23")]
    [InlineData("?tu=2026-11-01&den=2026-11-20", 20, "2026-11-01")]
    [InlineData("?tu=2026-11-20&den=2026-11-20", 1, "2026-11-20")]
    [InlineData("?tu=2025-11-20&den=2026-11-20", 366, "2025-11-20")]
    public async Task Chart_HasOnePointPerDayOfTheRange(string query, int days, string first)
    {
        var (response, page) = await Html.GetAsync(_admin, "/admin/thong-ke" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chart = page.QuerySelector("svg[data-test=stats-chart]")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.StartsWith("Biểu đồ lượt truy cập", chart.GetAttribute("aria-label"), StringComparison.Ordinal);
        foreach (var series in new[] { "visits", "pageviews" })
        {
            var points = chart.QuerySelectorAll($"circle[data-test=chart-point][data-series={series}]");
            Assert.Equal(days, points.Length);
            Assert.Equal(first, points[0].GetAttribute("data-date"));
            Assert.All(points, p => Assert.NotNull(p.QuerySelector("title")));
        }

        Assert.Equal(days, page.QuerySelectorAll("[data-test=stats-day]").Length);
    }

    [Fact]
    public async Task Chart_PointsCarryTheDaysFigures_WithVietnameseTooltips()
    {
        await BrowseAsync();

        var (_, page) = await Html.GetAsync(_admin, "/admin/thong-ke");

        var visits = page.QuerySelectorAll("circle[data-series=visits]");
        Assert.Equal("2026-11-20", visits[^1].GetAttribute("data-date"));
        Assert.Equal("3", visits[^1].GetAttribute("data-value"));
        Assert.Equal("20 Tháng Mười Một 2026: 3 lượt truy cập", visits[^1].QuerySelector("title")!.TextContent);
        Assert.Equal("0", visits[0].GetAttribute("data-value"));
        Assert.Equal("20 Tháng Mười Một 2026: 9 lượt xem trang", page.QuerySelectorAll("circle[data-series=pageviews]")[^1].QuerySelector("title")!.TextContent);
        Assert.Contains("22/10", page.Texts("[data-test=chart-x-label]"));
    }

    [Fact]
    public async Task Days_EachDayHasItsOwnFigures()
    {
        await Html.GetAsync(_app.CreateBrowser(), Url(_app.Evening));
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var browser = _app.CreateBrowser();
        await Html.GetAsync(browser, "/");
        await Html.GetAsync(browser, Url(_app.Evening));
        var admin = await _app.SignInAsync(StaffRoles.Administrator); // the first session has expired by now

        var (_, page) = await Html.GetAsync(admin, "/admin/thong-ke?tu=2026-11-19&den=2026-11-21");

        Assert.Equal(["0", "1", "1"], page.QuerySelectorAll("[data-test=stats-day] [data-test=day-visits]").Select(c => c.TextContent));
        Assert.Equal(["0", "1", "2"], page.QuerySelectorAll("[data-test=stats-day] [data-test=day-pageviews]").Select(c => c.TextContent));
        Assert.Equal(1, Value(page, "stats-today-visits"));
        Assert.Equal(2, Value(page, "range-visits"));
    }

    [Fact]
    public async Task Csv_HasTheHeaderAndOneLinePerDay_WithTheRightNumbers()
    {
        await BrowseAsync();
        var (_, page) = await Html.GetAsync(_admin, "/admin/thong-ke?tu=2026-11-18&den=2026-11-20");
        var link = page.QuerySelector("[data-test=stats-csv]")!.GetAttribute("href")!;

        var response = await _admin.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal("/admin/thong-ke/csv?tu=2026-11-18&den=2026-11-20", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("thong-ke-20261118-20261120.csv", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal([
            "Ngày,Lượt truy cập,Lượt xem trang,Lượt xem bản tin," + UnitHeadings,
            "2026-11-18,0,0,0,0,0,0,0", "2026-11-19,0,0,0,0,0,0,0", "2026-11-20,3,9,6,0,0,0,6", "",
        ], lines);
    }

    [Fact]
    public async Task Xlsx_OpensWithVietnameseHeadingsAndTheSameNumbersAsTheCsv()
    {
        await BrowseAsync();
        var (_, page) = await Html.GetAsync(_admin, "/admin/thong-ke?tu=2026-11-18&den=2026-11-20");
        var link = page.QuerySelector("[data-test=stats-xlsx]")!.GetAttribute("href")!;

        var response = await _admin.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal("/admin/thong-ke/xlsx?tu=2026-11-18&den=2026-11-20", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("thong-ke-20261118-20261120.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Thống kê"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        workbook.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Ngày", "Lượt truy cập", "Lượt xem trang", "Lượt xem bản tin", .. UnitHeadings.Split(',')], rows[0].Values.Select(v => v?.ToString()));
        var days = rows.Skip(1).Select(r => r.Values.ToList()).ToList();
        Assert.Equal([new DateTime(2026, 11, 18), new DateTime(2026, 11, 19), new DateTime(2026, 11, 20)], days.Select(d => Assert.IsType<DateTime>(d[0])));
        Assert.Equal(["3", "9", "6", "0", "0", "0", "6"], days[2].Skip(1).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Csv_DefaultPeriod_IsTheLast30Days()
    {
        var response = await _admin.GetAsync(new Uri("/admin/thong-ke/csv", UriKind.Relative));

        Assert.Equal("thong-ke-20261022-20261120.csv", response.Content.Headers.ContentDisposition!.FileName);
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(31, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("tu=2026-13-01&den=2026-11-20", "Ngày bắt đầu “2026-13-01” không hợp lệ.")]
    [InlineData("tu=hom-qua", "Ngày bắt đầu “hom-qua” không hợp lệ.")]
    [InlineData("den=20/11/2026", "Ngày kết thúc “20/11/2026” không hợp lệ.")]
    [InlineData("tu=2026-02-30&den=2026-03-01", "Ngày bắt đầu “2026-02-30” không hợp lệ.")]
    [InlineData("tu=2026-11-20&den=2026-11-01", "Ngày bắt đầu phải trước hoặc trùng với ngày kết thúc.")]
    [InlineData("tu=2025-01-01&den=2026-11-20", "Khoảng thời gian dài nhất là 366 ngày.")]
    [InlineData("tu=0001-01-01&den=0001-01-02", "Ngày phải nằm trong khoảng từ năm 2000 đến năm 2099.")]
    [InlineData("tu=9999-12-30&den=9999-12-31", "Ngày phải nằm trong khoảng từ năm 2000 đến năm 2099.")]
    [InlineData("khoang=7", "Khoảng thời gian chỉ có thể là 30 hoặc 90 ngày gần nhất.")]
    [InlineData("khoang=abc", "Khoảng thời gian chỉ có thể là 30 hoặc 90 ngày gần nhất.")]
    public async Task BadRange_Is400WithAVietnameseMessage(string query, string message)
    {
        var (pageResponse, page) = await Html.GetAsync(_admin, "/admin/thong-ke?" + query);
        var (csvResponse, csvPage) = await Html.GetAsync(_admin, "/admin/thong-ke/csv?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, pageResponse.StatusCode);
        Assert.StartsWith(message, page.Text("[data-test=error-message]"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-test=stats-chart]"));
        Assert.NotNull(page.QuerySelector("[data-test=stats-range-form]"));
        Assert.Equal(HttpStatusCode.BadRequest, csvResponse.StatusCode);
        Assert.StartsWith(message, csvPage.Text("[data-test=error-message]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatisticsPages_AreNotCountedAsVisits()
    {
        await Html.GetAsync(_admin, "/admin/thong-ke");
        await _admin.GetAsync(new Uri("/admin/thong-ke/csv", UriKind.Relative));

        var (_, page) = await Html.GetAsync(_admin, "/admin/thong-ke");

        Assert.Equal(0, Value(page, "stats-total-visits"));
        Assert.Equal(0, Value(page, "stats-today-pageviews"));
    }

    /// <summary>
    /// Three browsers and a crawler read the site: 3 visits, 9 page views, 6 bulletin views (the evening bulletin 3
    /// times, three others once). Returns the public visit counter as the last page shows it.
    /// </summary>
    [Fact]
    public async Task PerUnit_TotalsFollowTheSuccessorChain_TheFilterLimitsTheListsAndTheExport()
    {
        // The evening bulletin is Chợ Lớn's, one other is old Phường 11's (which Chợ Lớn took over); the rest stay the archive's.
        await _app.WithDbAsync(async db =>
        {
            await db.Articles.Where(a => a.Id == _app.Evening.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UnitId, ChoLon));
            await db.Articles.Where(a => a.Id == _app.DongChi.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UnitId, Phuong11));
        });
        await _app.PublicContentChangedAsync();
        await BrowseAsync();

        var (_, all) = await Html.GetAsync(_admin, "/admin/thong-ke?tu=2026-11-20&den=2026-11-20");
        var (_, choLon) = await Html.GetAsync(_admin, "/admin/thong-ke?tu=2026-11-20&den=2026-11-20&don-vi=cho-lon");
        var csv = await _admin.GetAsync(new Uri(choLon.QuerySelector("[data-test=stats-csv]")!.GetAttribute("href")!, UriKind.Relative));
        var (unknown, unknownPage) = await Html.GetAsync(_admin, "/admin/thong-ke?don-vi=phuong-99");

        Assert.Equal("4", all.QuerySelector("[data-test=unit-row][data-slug=cho-lon] td")!.GetAttribute("data-value"));
        Assert.Equal("2", all.QuerySelector("[data-test=unit-row][data-slug=quan-5] td")!.GetAttribute("data-value"));
        Assert.Equal("0", all.QuerySelector("[data-test=unit-row][data-slug=an-dong] td")!.GetAttribute("data-value"));
        Assert.Contains("Phường 11", all.QuerySelector("[data-test=unit-row][data-slug=cho-lon] th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            new[] { _app.Evening.Id, _app.DongChi.Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)),
            choLon.QuerySelectorAll("[data-test=most-read-item]").Select(i => i.GetAttribute("data-article-id")));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(["Ngày,Lượt truy cập,Lượt xem trang,Lượt xem bản tin,Lượt xem bản tin: Phường Chợ Lớn", "2026-11-20,3,9,6,4", ""], lines);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("phuong-99", unknownPage.Text("[data-test=error-message]"), StringComparison.Ordinal);
    }

    private const int ChoLon = 4;
    private const int Phuong11 = 21;

    private const string UnitHeadings =
        "Lượt xem bản tin: Phường Chợ Quán,Lượt xem bản tin: Phường An Đông,Lượt xem bản tin: Phường Chợ Lớn,Lượt xem bản tin: UBND Quận 5";

    private async Task<long> BrowseAsync()
    {
        var first = _app.CreateBrowser();
        await Html.GetAsync(first, "/");
        await Html.GetAsync(first, Url(_app.Evening));
        await Html.GetAsync(first, Url(_app.Evening)); // a reload: a page view, not another bulletin view
        await Html.GetAsync(first, Url(_app.TuyenGiao));

        var second = _app.CreateBrowser();
        await Html.GetAsync(second, Url(_app.Evening));
        await Html.GetAsync(second, Url(_app.DistrictSeries[0]));

        var bot = _app.CreateBrowser(BotAgent);
        await Html.GetAsync(bot, "/");
        await Html.GetAsync(bot, Url(_app.Evening));
        await Html.GetAsync(bot, Url(_app.DongChi));

        var third = _app.CreateBrowser();
        await Html.GetAsync(third, Url(_app.Evening));
        await Html.GetAsync(third, Url(_app.DongChi));
        var (_, last) = await Html.GetAsync(third, "/");
        return last.VisitCounter();
    }

    private static string Url(Article article) => $"/tin-tuc/{article.Id}/{article.Slug}";

    private static long Value(IDocument page, string test) =>
        long.Parse(page.QuerySelector($"[data-test={test}]")!.GetAttribute("data-value")!, CultureInfo.InvariantCulture);

    public sealed class OnSqlite() : StatisticsTests(new ReaderSiteFactory());

    public sealed class OnPostgreSql() : StatisticsTests(new ReaderSiteFactory.OnPostgreSql());
}
