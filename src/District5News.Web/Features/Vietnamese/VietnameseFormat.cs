using System.Globalization;

namespace District5News.Web.Features.Vietnamese;

/// <summary>
/// The Vietnamese forms the portal prints. .NET's vi-VN culture writes "tháng 11", while the portal writes the
/// month in words as the original district pages do ("23 Tháng Mười Một 2020 8:15:00 SA").
/// </summary>
public static class VietnameseFormat
{
    private static readonly string[] MonthNames =
    [
        "Tháng Một", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu",
        "Tháng Bảy", "Tháng Tám", "Tháng Chín", "Tháng Mười", "Tháng Mười Một", "Tháng Mười Hai",
    ];

    private static readonly NumberFormatInfo DotGrouping = new() { NumberGroupSeparator = ".", NumberGroupSizes = [3] };

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3] };

    public static IReadOnlyList<string> Months => MonthNames;

    public static string MonthName(int month) => MonthNames[month - 1];

    /// <summary>Month number (1-12) for a month written in words, any case; null when it is not a month name.</summary>
    public static int? ParseMonthName(string text)
    {
        var folded = VietnameseText.SearchForm(text);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (VietnameseText.SearchForm(MonthNames[i]) == folded)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>"23 Tháng Mười Một 2020 8:15:00 SA", in Vietnam time, from a UTC instant.</summary>
    /// <summary>The long form of a time that may not be chosen yet (a draft's publication time): "–" when there is none.</summary>
    public static string LongDateTime(DateTime? utc) => utc is { } time ? LongDateTime(time) : "–";

    public static string LongDateTime(DateTime utc)
    {
        var local = VietnamTime.ToVietnam(utc);
        return $"{local.Day} {MonthName(local.Month)} {local.Year} {Clock(local)}";
    }

    /// <summary>"23 Tháng Mười Một 2020".</summary>
    public static string LongDate(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>"Tháng Mười Một 2020".</summary>
    public static string MonthYear(int year, int month) => $"{MonthName(month)} {year}";

    /// <summary>"25/11/2026": how headings, lists and forms write a day.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"11/2026": how headings write a month, after "tháng" ("Tin tháng 11/2026").</summary>
    public static string MonthOfYear(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month}/{year}");

    /// <summary>"23/11/2020", Vietnam time.</summary>
    public static string ShortDate(DateTime utc) =>
        VietnamTime.ToVietnam(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Numbers grouped with dots: 28.897.020.</summary>
    public static string Number(long value) => value.ToString("#,0", DotGrouping);

    /// <summary>A file's size the Vietnamese way, with a decimal comma: "512 byte", "34 KB", "1,2 MB".</summary>
    public static string FileSize(long bytes)
    {
        const double Kilo = 1024;
        if (bytes < Kilo)
        {
            return $"{Number(bytes)} byte";
        }

        var (value, unit) = bytes < Kilo * Kilo ? (bytes / Kilo, "KB") : bytes < Kilo * Kilo * Kilo ? (bytes / (Kilo * Kilo), "MB") : (bytes / (Kilo * Kilo * Kilo), "GB");
        var rounded = value >= 100 ? Math.Round(value) : Math.Round(value, 1);
        return rounded.ToString("#,0.#", DecimalComma) + " " + unit;
    }

    private static string Clock(DateTime local)
    {
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var suffix = local.Hour < 12 ? "SA" : "CH";
        return $"{hour}:{local.Minute:00}:{local.Second:00} {suffix}";
    }
}
