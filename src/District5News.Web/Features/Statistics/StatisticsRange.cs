using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Features.Statistics;

/// <summary>The period asked for in the query string: tu/den (yyyy-MM-dd, Vietnam dates) or khoang=30|90 days.</summary>
public sealed record StatisticsRangeInput
{
    [FromQuery(Name = "tu")]
    public string? From { get; init; }

    [FromQuery(Name = "den")]
    public string? To { get; init; }

    [FromQuery(Name = "khoang")]
    public string? Preset { get; init; }

    /// <summary>A publishing unit's slug: the bulletin figures of that unit and its predecessors only.</summary>
    [FromQuery(Name = "don-vi")]
    public string? Unit { get; init; }
}

/// <summary>A validated period of whole Vietnam calendar days, both ends included.</summary>
public sealed record StatisticsRange(DateOnly From, DateOnly To, int? Preset)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
    public static readonly IReadOnlyList<int> Presets = [30, 90];

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public string FromParameter => Iso(From);

    public string ToParameter => Iso(To);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static StatisticsRange LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today, days);

    /// <summary>
    /// Reads the period. tu/den win over khoang; a missing tu means 30 days up to den, a missing den means today.
    /// Returns null with a Vietnamese reason when the input cannot be a period.
    /// </summary>
    public static StatisticsRange? TryParse(StatisticsRangeInput input, DateOnly today, out string? error)
    {
        error = null;
        var hasFrom = !string.IsNullOrWhiteSpace(input.From);
        var hasTo = !string.IsNullOrWhiteSpace(input.To);
        if (!hasFrom && !hasTo)
        {
            if (string.IsNullOrWhiteSpace(input.Preset))
            {
                return LastDays(DefaultDays, today);
            }

            if (int.TryParse(input.Preset, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Presets.Contains(days))
            {
                return LastDays(days, today);
            }

            error = "Khoảng thời gian chỉ có thể là 30 hoặc 90 ngày gần nhất.";
            return null;
        }

        var to = today;
        if (hasTo && !TryParseDate(input.To!, out to))
        {
            error = $"Ngày kết thúc “{input.To}” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ {Iso(today)}.";
            return null;
        }

        var from = Earliest;
        if (hasFrom && !TryParseDate(input.From!, out from))
        {
            error = $"Ngày bắt đầu “{input.From}” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ {Iso(today)}.";
            return null;
        }

        if (from < Earliest || from > Latest || to < Earliest || to > Latest)
        {
            error = "Ngày phải nằm trong khoảng từ năm 2000 đến năm 2099.";
            return null;
        }

        if (!hasFrom)
        {
            from = DateOnly.FromDayNumber(Math.Max(Earliest.DayNumber, to.DayNumber - DefaultDays + 1));
        }

        if (from > to)
        {
            error = "Ngày bắt đầu phải trước hoặc trùng với ngày kết thúc.";
            return null;
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            error = $"Khoảng thời gian dài nhất là {MaxDays} ngày. Hãy chọn khoảng ngắn hơn.";
            return null;
        }

        return new StatisticsRange(from, to, null);
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
