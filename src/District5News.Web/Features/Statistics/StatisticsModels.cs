using District5News.Web.Routing;
namespace District5News.Web.Features.Statistics;

/// <summary>One Vietnam calendar day's site figures.</summary>
public sealed record DailyFigures(DateOnly Date, long Visits, long PageViews, long ArticleViews);

/// <summary>A bulletin of the most-read list; Url is null when the bulletin is no longer on the public site.</summary>
public sealed record MostReadArticle(int Rank, int Id, string Title, string CategoryName, string? Url, long Views);

public sealed record CategoryViews(int CategoryId, string Name, long Views);

/// <summary>Bulletin views of a unit and its predecessors in the period (a current ward with its old wards, or the district's archive).</summary>
public sealed record UnitViews(string Slug, string Name, string Includes, long Views);

/// <summary>A unit the statistics can be filtered by.</summary>
public sealed record UnitFilterOption(string Slug, string Name);

/// <summary>
/// A column of bulletin views per day for one unit family, in the exports: its heading and the views of each day.
/// </summary>
public sealed record UnitDailyColumn(string Heading, IReadOnlyDictionary<DateOnly, long> Views)
{
    public long On(DateOnly day) => Views.GetValueOrDefault(day);
}

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
    /// <summary>Bulletin views per unit family (current wards with their old wards, then the district's archive).</summary>
    public IReadOnlyList<UnitViews> Units { get; init; } = [];

    public IReadOnlyList<UnitFilterOption> UnitOptions { get; init; } = [];

    /// <summary>The unit the most-read list and the category figures are filtered by; null for all.</summary>
    public UnitFilterOption? Unit { get; init; }

    private string UnitParameter => Unit is null ? string.Empty : "&don-vi=" + Uri.EscapeDataString(Unit.Slug);

    public string CsvUrl => $"{AdminRoutes.StatisticsCsv}?tu={Range.FromParameter}&den={Range.ToParameter}{UnitParameter}";

    public string XlsxUrl => $"{AdminRoutes.StatisticsXlsx}?tu={Range.FromParameter}&den={Range.ToParameter}{UnitParameter}";
}

/// <summary>The statistics page: the figures, or why the period asked for is not one.</summary>
public sealed record StatisticsPageResult(StatisticsViewModel? Model, string? Error, StatisticsRangeInput Input);

/// <summary>A download (CSV or .xlsx): the file, or why the period asked for is not one.</summary>
public sealed record StatisticsExportResult(byte[]? Content, string? FileName, string? Error);
