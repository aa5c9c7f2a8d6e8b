using System.Globalization;
using System.Text.RegularExpressions;

namespace District5News.Web.Features.Archive;

/// <summary>
/// Reads the "Xem theo ngày" field: a day written the Vietnamese way, ngày/tháng/năm (25/11/2026, 5/1/2026), or the
/// yyyy-MM-dd older links and the former date field sent. Each refusal says what was wrong, in Vietnamese.
/// </summary>
public static partial class PickerDate
{
    public const string Example = "25/11/2026";

    /// <summary>What the form's field accepts (the browser checks it before sending; the server checks again).</summary>
    public const string HtmlPattern = @"\s*\d{1,2}\s*(\/|\.|-)\s*\d{1,2}\s*(\/|\.|-)\s*\d{4}\s*";

    public const string FormatHint = "Nhập ngày theo dạng ngày/tháng/năm, ví dụ " + Example + ".";

    public static bool TryParse(string? value, out DateOnly day, out string error)
    {
        day = default;
        var text = value?.Trim() ?? string.Empty;
        int year, month, dayOfMonth;
        if (DayMonthYear().Match(text) is { Success: true } vietnamese)
        {
            dayOfMonth = Number(vietnamese.Groups["d"].Value);
            month = Number(vietnamese.Groups["m"].Value);
            year = Number(vietnamese.Groups["y"].Value);
        }
        else if (YearMonthDay().Match(text) is { Success: true } iso)
        {
            year = Number(iso.Groups["y"].Value);
            month = Number(iso.Groups["m"].Value);
            dayOfMonth = Number(iso.Groups["d"].Value);
        }
        else
        {
            error = $"“{Shorten(text)}” không phải là một ngày. {FormatHint}";
            return false;
        }

        if (year is < 1900 or > 9998)
        {
            error = $"Năm {year} nằm ngoài lịch của trang (từ 1900 đến 9998). {FormatHint}";
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = $"Tháng {month} không có: tháng chỉ từ 1 đến 12. {FormatHint}";
            return false;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (dayOfMonth < 1 || dayOfMonth > daysInMonth)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"Ngày {dayOfMonth:00}/{month:00}/{year} không có trong lịch: tháng {month}/{year} chỉ có {daysInMonth} ngày.");
            return false;
        }

        day = new DateOnly(year, month, dayOfMonth);
        error = string.Empty;
        return true;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();
}
