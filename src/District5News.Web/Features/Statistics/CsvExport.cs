using System.Globalization;
using System.Text;

namespace District5News.Web.Features.Statistics;

/// <summary>The daily figures as a CSV file Excel opens with its Vietnamese headings intact.</summary>
public static class CsvExport
{
    public const string Header = "Ngày,Lượt truy cập,Lượt xem trang,Lượt xem bản tin";
    public const string ContentType = "text/csv; charset=utf-8";

    public static string FileName(StatisticsRange range) =>
        $"thong-ke-{range.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{range.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";

    /// <summary>UTF-8 with a byte order mark (without it Excel reads the file as the local code page), CRLF lines as RFC 4180 has them.</summary>
    /// <param name="units">One more column per unit family: its bulletin views that day.</param>
    public static byte[] Build(IEnumerable<DailyFigures> days, IReadOnlyList<UnitDailyColumn> units)
    {
        var text = new StringBuilder();
        text.Append(Header);
        foreach (var unit in units)
        {
            text.Append(',').Append(Quote(unit.Heading));
        }

        text.Append("\r\n");
        foreach (var day in days)
        {
            text.Append(StatisticsRange.Iso(day.Date)).Append(',')
                .Append(day.Visits.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(day.PageViews.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(day.ArticleViews.ToString(CultureInfo.InvariantCulture));
            foreach (var unit in units)
            {
                text.Append(',').Append(unit.On(day.Date).ToString(CultureInfo.InvariantCulture));
            }

            text.Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>A heading is a unit's name an administrator typed: quoted as RFC 4180 says when it holds a comma or a quote.</summary>
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
