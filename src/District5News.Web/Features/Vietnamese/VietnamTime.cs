namespace District5News.Web.Features.Vietnamese;

/// <summary>
/// Vietnam time is UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact and does not
/// depend on the server's time zone or on tzdata being installed.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToVietnam(DateTime utc) => DateTime.SpecifyKind(AsUtc(utc) + Offset, DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime vietnamLocal) => DateTime.SpecifyKind(vietnamLocal - Offset, DateTimeKind.Utc);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToVietnam(utc));

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC instants [start, end) that make up one Vietnam calendar day.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) DayRangeUtc(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>The UTC instants [start, end) that make up one Vietnam calendar month.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) MonthRangeUtc(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (ToUtc(first.ToDateTime(TimeOnly.MinValue)), ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue)));
    }

    /// <summary>"2026-11-20T08:15:00+07:00": the instant in Vietnam time with its offset (OpenGraph, JSON-LD, sitemaps).</summary>
    public static string Iso8601(DateTime utc) =>
        ToVietnam(utc).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+07:00";

    /// <summary>"Fri, 20 Nov 2026 08:15:00 +0700": the RFC 822 date RSS 2.0 asks for, in Vietnam time.</summary>
    public static string Rfc822(DateTime utc) =>
        ToVietnam(utc).ToString("ddd, dd MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " +0700";

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
