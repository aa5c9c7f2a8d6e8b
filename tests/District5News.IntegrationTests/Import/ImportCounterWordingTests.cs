using District5News.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Import;

/// <summary>Issue 13 §4: the import report speaks of the counter residents see — what it shows now and what it will show.</summary>
public sealed class ImportCounterWordingTests
{
    [Fact]
    public async Task DryRun_SaysWhatTheCounterShowsNowAndWhatItWillShow()
    {
        using var app = new NewsAppFactory();
        await app.WithDbAsync(db => db.SiteCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, 11L)));
        var (_, home) = await Html.GetAsync(app.CreateBrowser(), "/");
        await app.FlushCountsAsync();

        var report = await app.ImportPathAsync("folder", dryRun: true); // largest old counter 2.889.702

        Assert.Equal(12, home.VisitCounter());
        Assert.Equal(
            "Bộ đếm “Số lượt truy cập” trên trang hiện đang là 12; nếu nhập thật sẽ hiện 2.889.714 "
            + "(số cũ lớn nhất trong các tệp là 2.889.702, cộng 12 lượt cổng mới đã đếm).",
            report.CounterLine());
        Assert.Contains("  " + report.CounterLine(), report.ToLines());
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteCounters.Select(s => s.StartingVisits).SingleAsync()));
    }

    [Fact]
    public async Task RealRun_SaysWhatTheCounterShowedAndNowShows()
    {
        using var app = new NewsAppFactory();

        var report = await app.ImportPathAsync("folder");

        Assert.Equal("Bộ đếm “Số lượt truy cập” trên trang trước khi nhập là 0; nay hiện 2.889.702 (số cũ lớn nhất trong các tệp là 2.889.702).",
            report.CounterLine());
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/");
        Assert.Equal(2889702 + 1, page.VisitCounter());
    }

    [Fact]
    public async Task DryRun_OldCounterBelowWhatIsShown_SaysItStaysTheSame()
    {
        using var app = new NewsAppFactory();
        await app.WithDbAsync(db => db.SiteCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, 3_000_000L)));

        var report = await app.ImportPathAsync("folder", dryRun: true);

        Assert.Equal("Bộ đếm “Số lượt truy cập” trên trang hiện đang là 3.000.000; nếu nhập thật vẫn hiện 3.000.000 "
            + "(số cũ lớn nhất trong các tệp là 2.889.702, không lớn hơn số đang hiện).", report.CounterLine());
    }
}
