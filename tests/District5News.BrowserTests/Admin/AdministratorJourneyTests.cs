using System.Globalization;
using System.Text;
using District5News.BrowserTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Statistics;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace District5News.BrowserTests.Admin;

/// <summary>Journey 5: an administrator creates an editor account, reads the visit chart and exports the figures.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorJourneyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const int Residents = 3;

    private readonly BrowserAppFactory _app = fixture.App;

    [Fact]
    public Task Administrator_CreatesAnEditorThenReadsTheChartAndExportsTheCsv_EveryDayIsThere() =>
        fixture.JourneyAsync(output, Device.Desktop, async (page, journey) =>
        {
            await page.SignInAsync(_app, StaffRoles.Administrator);

            // A new ward editor's account, made through the form.
            var editorEmail = $"bien-tap-phuong-{Guid.NewGuid():N}@quan5.local";
            const string editorPassword = "Hoa-Sen#2026Phuong";
            await page.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Tài khoản" }).ClickAsync();
            await page.Locator("[data-test=create-account]").ClickAsync();
            await Expect(page).ToHaveURLAsync(_app.Url("/admin/tai-khoan/tao-moi"));
            await page.Locator("[data-test=account-email-input]").FillAsync(editorEmail);
            await page.Locator("[data-test=account-displayname-input]").FillAsync("Trần Thị Thu Hà");
            await page.Locator("[data-test=account-role-input]").SelectOptionAsync(StaffRoles.Editor);
            await page.Locator("[data-test=account-password-input]").FillAsync(editorPassword);
            await page.Locator("[data-test=account-confirm-input]").FillAsync(editorPassword);
            await page.Locator("[data-test=account-submit]").ClickAsync();

            await Expect(page).ToHaveURLAsync(_app.Url("/admin/tai-khoan"));
            await Expect(page.Locator("[data-test=flash]")).ToContainTextAsync(editorEmail);
            var row = page.Locator($"[data-test=account-row][data-email='{editorEmail}']");
            await Expect(row.Locator("[data-test=account-name]")).ToHaveTextAsync("Trần Thị Thu Hà");
            await Expect(row.Locator("[data-test=account-role]")).ToHaveTextAsync(StaffRoles.DisplayName(StaffRoles.Editor));

            // The new editor can sign in with that password, and sees no statistics.
            var newEditor = await journey.NewPageAsync();
            await newEditor.SignInWithPasswordAsync(_app, editorEmail, editorPassword);
            await Expect(newEditor.Locator("[data-test=current-user]")).ToContainTextAsync(StaffRoles.DisplayName(StaffRoles.Editor));
            await Expect(newEditor.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Thống kê" })).ToHaveCountAsync(0);

            // Residents read: each in a browser of their own, so each is one visit of two page views and one bulletin view.
            var today = VietnamTime.Today(_app.Clock);
            var before = await TodayAsync(today);
            var bulletinTitle = "";
            for (var i = 0; i < Residents; i++)
            {
                var resident = await journey.NewPageAsync(i == 1 ? Device.Phone : Device.Desktop);
                await resident.GotoAsync(_app.Url("/"));
                var feature = resident.Locator("[data-test=feature] h3 a");
                bulletinTitle = (await feature.InnerTextAsync()).Trim();
                await feature.ClickAsync();
                await Expect(resident.Locator("[data-test=title]")).ToHaveTextAsync(bulletinTitle);
            }

            await _app.FlushCountsAsync();

            // The chart: one point a day for visits and for page views, today's raised by what the residents did.
            await page.Locator("[data-test=admin-menu]").GetByRole(AriaRole.Link, new() { Name = "Thống kê" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(_app.Url("/admin/thong-ke"));
            var chart = page.Locator("svg[data-test=stats-chart]");
            await Expect(chart).ToBeVisibleAsync();
            var box = await chart.BoundingBoxAsync() ?? throw new InvalidOperationException("The chart has no box.");
            Assert.True(box.Width > 600 && box.Height > 150, $"The chart is drawn {box.Width}×{box.Height} px.");

            var days = Enumerable.Range(0, StatisticsRange.DefaultDays).Select(d => today.AddDays(d - StatisticsRange.DefaultDays + 1)).ToList();
            var dates = days.Select(StatisticsRange.Iso).ToArray();
            foreach (var series in new[] { "visits", "pageviews" })
            {
                var points = chart.Locator($"circle[data-test=chart-point][data-series={series}]");
                await Expect(points).ToHaveCountAsync(days.Count);
                Assert.Equal(dates, await points.EvaluateAllAsync<string[]>("circles => circles.map(c => c.dataset.date)"));
                await Expect(points.Last).ToBeVisibleAsync();
            }

            var visits = before.Visits + Residents;
            var pageViews = before.PageViews + (2 * Residents);
            var articleViews = before.ArticleViews + Residents;
            await Expect(chart.Locator($"circle[data-series=visits][data-date='{dates[^1]}']")).ToHaveAttributeAsync("data-value", Invariant(visits));
            await Expect(chart.Locator($"circle[data-series=pageviews][data-date='{dates[^1]}']")).ToHaveAttributeAsync("data-value", Invariant(pageViews));
            var todayRow = page.Locator($"[data-test=stats-day][data-date='{dates[^1]}']");
            await Expect(todayRow.Locator("[data-test=day-articleviews]")).ToHaveTextAsync(articleViews.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.'));
            await Expect(page.Locator("[data-test=most-read-item]", new() { HasText = bulletinTitle })).ToBeVisibleAsync();

            // The CSV: Vietnamese headings, then one line a day, oldest first, the same figures.
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=stats-csv]").ClickAsync());
            Assert.Equal($"thong-ke-{days[0]:yyyyMMdd}-{today:yyyyMMdd}.csv", download.SuggestedFilename);
            var lines = await ReadCsvLinesAsync(download);
            // The four daily figures, then one column per publishing unit (its bulletin views, "Lượt xem bản tin: …").
            Assert.StartsWith(CsvExport.Header + ",", lines[0], StringComparison.Ordinal);
            Assert.All(lines[0][(CsvExport.Header.Length + 1)..].Split(','), heading => Assert.StartsWith("Lượt xem bản tin: ", heading.Trim('"'), StringComparison.Ordinal));
            Assert.Equal(dates, lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
            var last = lines[^1].Split(',');
            Assert.Equal($"{dates[^1]},{visits},{pageViews},{articleViews}", string.Join(',', last.Take(4)));
            // Every bulletin belongs to one unit family (the archive or a ward with its old wards): the columns add up.
            Assert.Equal(articleViews, last.Skip(4).Sum(long.Parse));
            Assert.All(lines.Skip(1), l => Assert.Matches("^\\d{4}-\\d{2}-\\d{2}(,\\d+){3,}$", l));
        });

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<string>> ReadCsvLinesAsync(IDownload download)
    {
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>Today's stored figures, with everything counted so far written first.</summary>
    private async Task<(long Visits, long PageViews, long ArticleViews)> TodayAsync(DateOnly today)
    {
        await _app.FlushCountsAsync();
        var stat = await _app.WithDbAsync(db => db.DailyStats.AsNoTracking().FirstOrDefaultAsync(d => d.Date == today));
        return stat is null ? (0, 0, 0) : (stat.Visits, stat.PageViews, stat.ArticleViews);
    }
}
