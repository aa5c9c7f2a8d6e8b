using District5News.Web.Routing;
namespace District5News.Web.Features.Statistics;

/// <summary>One Vietnam calendar day's site figures.</summary>
public sealed record DailyFigures(DateOnly Date, long Visits, long PageViews, long ArticleViews);

/// <summary>A bulletin of the most-read list; Url is null when the bulletin is no longer on the public site.</summary>
public sealed record MostReadArticle(int Rank, int Id, string Title, string CategoryName, string? Url, long Views);

public sealed record CategoryViews(int CategoryId, string Name, long Views);

public sealed record StatisticsViewModel(
    StatisticsRange Range,
    long TotalVisits,
    DailyFigures Today,
    DailyFigures RangeTotals,
    IReadOnlyList<DailyFigures> Days,
    DailyChartModel Chart,
    IReadOnlyList<MostReadArticle> MostRead,
    IReadOnlyList<CategoryViews> Categories)
{
    public string CsvUrl => $"{AdminRoutes.StatisticsCsv}?tu={Range.FromParameter}&den={Range.ToParameter}";

    public string XlsxUrl => $"{AdminRoutes.StatisticsXlsx}?tu={Range.FromParameter}&den={Range.ToParameter}";
}

/// <summary>The statistics page: the figures, or why the period asked for is not one.</summary>
public sealed record StatisticsPageResult(StatisticsViewModel? Model, string? Error, StatisticsRangeInput Input);

/// <summary>A download (CSV or .xlsx): the file, or why the period asked for is not one.</summary>
public sealed record StatisticsExportResult(byte[]? Content, string? FileName, string? Error);
