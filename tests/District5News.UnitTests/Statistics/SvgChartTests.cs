using District5News.Web.Features.Statistics;

namespace District5News.UnitTests.Statistics;

public sealed class SvgChartTests
{
    [Theory]
    [InlineData(0, 1, 4)]
    [InlineData(1, 1, 1)]
    [InlineData(7, 2, 8)]
    [InlineData(9, 5, 10)]
    [InlineData(1234, 500, 1500)]
    [InlineData(28_897_020, 10_000_000, 30_000_000)]
    public void Scale_GivesRoundStepsAndATopAtOrAboveTheMaximum(long max, long step, long top)
    {
        Assert.Equal((step, top), SvgChart.Scale(max));
    }

    [Fact]
    public void Build_PlacesOnePointPerDayForEachSeries_InsideThePlot()
    {
        var start = new DateOnly(2026, 11, 1);
        var days = Enumerable.Range(0, 20).Select(i => new DailyFigures(start.AddDays(i), i, i * 3, i * 2)).ToList();

        var chart = SvgChart.Build(days);

        Assert.Equal(["visits", "pageviews"], chart.Series.Select(s => s.Key));
        Assert.All(chart.Series, s => Assert.Equal(20, s.Points.Count));
        Assert.All(chart.Series.SelectMany(s => s.Points), p =>
        {
            Assert.InRange(p.X, chart.PlotLeft, chart.PlotRight);
            Assert.InRange(p.Y, chart.PlotTop, chart.PlotBottom);
        });
        Assert.Equal(chart.PlotBottom, chart.Series[1].Points[0].Y);
        Assert.Equal(chart.PlotBottom - ((chart.PlotBottom - chart.PlotTop) * 57 / 60), chart.Series[1].Points[^1].Y, 6); // axis 0-60, step 20
        Assert.Equal(["0", "20", "40", "60"], chart.YTicks.Select(t => t.Label));
        Assert.Equal("20 Tháng Mười Một 2026: 57 lượt xem trang", chart.Series[1].Points[^1].Title);
        Assert.True(chart.XTicks.Count <= 8);
        Assert.Equal("01/11", chart.XTicks[0].Label);
    }

    [Fact]
    public void Build_OneDay_IsCentred()
    {
        var chart = SvgChart.Build([new DailyFigures(new DateOnly(2026, 11, 20), 0, 0, 0)]);

        var point = Assert.Single(chart.Series[0].Points);
        Assert.Equal((chart.PlotLeft + chart.PlotRight) / 2, point.X);
        Assert.Equal(chart.PlotBottom, point.Y);
    }
}
