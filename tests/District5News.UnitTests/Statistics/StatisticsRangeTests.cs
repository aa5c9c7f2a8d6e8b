using District5News.Web.Features.Statistics;

namespace District5News.UnitTests.Statistics;

public sealed class StatisticsRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData(null, null, null, "2026-10-22", "2026-11-20")]
    [InlineData(null, null, "90", "2026-08-23", "2026-11-20")]
    [InlineData("2026-11-01", "2026-11-05", "90", "2026-11-01", "2026-11-05")]
    [InlineData("2026-11-01", null, null, "2026-11-01", "2026-11-20")]
    [InlineData(null, "2026-06-30", null, "2026-06-01", "2026-06-30")]
    [InlineData(null, "2000-01-10", null, "2000-01-01", "2000-01-10")]
    [InlineData(" 2026-11-01 ", "2026-11-01", null, "2026-11-01", "2026-11-01")]
    public void TryParse_ValidInput_GivesThePeriod(string? from, string? to, string? preset, string expectedFrom, string expectedTo)
    {
        var range = StatisticsRange.TryParse(new StatisticsRangeInput { From = from, To = to, Preset = preset }, Today, out var error);

        Assert.Null(error);
        Assert.Equal(expectedFrom, range!.FromParameter);
        Assert.Equal(expectedTo, range.ToParameter);
    }

    [Theory]
    [InlineData("2026-11-21", "2026-11-20")]
    [InlineData("2025-11-19", "2026-11-20")]
    [InlineData("20-11-2026", null)]
    [InlineData("1999-12-31", "2000-01-01")]
    public void TryParse_BadInput_GivesAVietnameseReason(string? from, string? to)
    {
        var range = StatisticsRange.TryParse(new StatisticsRangeInput { From = from, To = to }, Today, out var error);

        Assert.Null(range);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
