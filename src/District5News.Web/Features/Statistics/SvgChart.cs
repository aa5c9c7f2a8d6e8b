using System.Globalization;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Statistics;

public sealed record ChartPoint(double X, double Y, DateOnly Date, long Value, string Title);

public sealed record ChartSeries(string Key, string Name, string CssClass, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>The polyline's points attribute: "x,y x,y ...".</summary>
    public string Polyline => string.Join(' ', Points.Select(p => $"{SvgChart.Coordinate(p.X)},{SvgChart.Coordinate(p.Y)}"));
}

public sealed record ChartTick(double Position, string Label);

/// <summary>Everything the chart partial draws, already in SVG user units.</summary>
public sealed record DailyChartModel(
    double Width,
    double Height,
    double PlotLeft,
    double PlotTop,
    double PlotRight,
    double PlotBottom,
    double PointRadius,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartTick> XTicks,
    IReadOnlyList<ChartTick> YTicks,
    string AriaLabel);

/// <summary>
/// Lays out the daily line chart (visits and page views, one point a day) on the server, so the page needs no
/// script and no chart library; the same figures are in the table under it for screen readers and printing.
/// </summary>
public static class SvgChart
{
    private const double Width = 960;
    private const double Height = 320;
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 36;
    private const double Bottom = 44;
    private const int MaxXLabels = 8;

    public static DailyChartModel Build(IReadOnlyList<DailyFigures> days)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = days.Count == 0 ? 0 : days.Max(d => Math.Max(d.Visits, d.PageViews));
        var (step, top) = Scale(max);

        double XOf(int index) => days.Count <= 1 ? Left + (plotWidth / 2) : Left + (plotWidth * index / (days.Count - 1));
        double YOf(long value) => Top + plotHeight - (plotHeight * value / top);

        ChartSeries Series(string key, string name, string unit, string css, Func<DailyFigures, long> value) =>
            new(key, name, css, days.Select((d, i) => new ChartPoint(XOf(i), YOf(value(d)), d.Date, value(d),
                $"{VietnameseFormat.LongDate(d.Date)}: {VietnameseFormat.Number(value(d))} {unit}")).ToList());

        var every = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxXLabels));
        var xTicks = days.Select((d, i) => (d, i)).Where(t => t.i % every == 0)
            .Select(t => new ChartTick(XOf(t.i), t.d.Date.ToString("dd/MM", CultureInfo.InvariantCulture))).ToList();
        var yTicks = Enumerable.Range(0, (int)(top / step) + 1)
            .Select(i => new ChartTick(YOf(i * step), VietnameseFormat.Number(i * step))).ToList();

        var label = days.Count == 0
            ? "Biểu đồ lượt truy cập theo ngày: không có dữ liệu."
            : $"Biểu đồ lượt truy cập và lượt xem trang theo ngày, từ {Short(days[0].Date)} đến {Short(days[^1].Date)}: " +
              $"tổng {VietnameseFormat.Number(days.Sum(d => d.Visits))} lượt truy cập, {VietnameseFormat.Number(days.Sum(d => d.PageViews))} lượt xem trang. " +
              "Số liệu từng ngày ở bảng bên dưới.";

        return new DailyChartModel(Width, Height, Left, Top, Width - Right, Height - Bottom, days.Count > 60 ? 2 : 3.5,
            [
                Series("visits", "Lượt truy cập", "lượt truy cập", "series-visits", d => d.Visits),
                Series("pageviews", "Lượt xem trang", "lượt xem trang", "series-pageviews", d => d.PageViews),
            ],
            xTicks, yTicks, label);
    }

    /// <summary>SVG numbers: invariant, at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A "nice" tick step (1, 2 or 5 times a power of ten) giving about four steps, and the axis top.</summary>
    internal static (long Step, long Top) Scale(long max)
    {
        if (max <= 0)
        {
            return (1, 4);
        }

        var rough = max / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (long)Math.Max(1, new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough));
        var top = (long)Math.Ceiling(max / (double)step) * step;
        return (step, top);
    }

    private static string Short(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
