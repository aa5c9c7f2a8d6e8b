using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace District5News.Web.Features.Statistics;

/// <summary>
/// The daily figures as an Excel workbook: unlike a CSV, an .xlsx carries its own encoding and cell types, so Excel on
/// a Vietnamese Windows (where the list separator is ";" and the code page is 1258) opens it with its headings intact
/// and the figures as numbers. Written with MiniExcel (Apache-2.0, no dependencies).
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Thống kê";
    public static readonly string[] Headers = ["Ngày", "Lượt truy cập", "Lượt xem trang", "Lượt xem bản tin"];

    public static string FileName(StatisticsRange range) => Path.ChangeExtension(CsvExport.FileName(range), ".xlsx");

    /// <param name="units">One more column per unit family: its bulletin views that day.</param>
    public static byte[] Build(IEnumerable<DailyFigures> days, IReadOnlyList<UnitDailyColumn> units)
    {
        var rows = days.Select(day =>
        {
            var row = new Dictionary<string, object>
            {
                [Headers[0]] = day.Date.ToDateTime(TimeOnly.MinValue),
                [Headers[1]] = day.Visits,
                [Headers[2]] = day.PageViews,
                [Headers[3]] = day.ArticleViews,
            };
            foreach (var unit in units)
            {
                row[unit.Heading] = unit.On(day.Date);
            }

            return row;
        }).ToList();
        var configuration = new OpenXmlConfiguration
        {
            // Days read the Vietnamese way (25/11/2026) and stay real dates Excel can sort and chart.
            DynamicColumns = [new DynamicExcelColumn(Headers[0]) { Format = "dd/MM/yyyy", Width = 12 }],
            Culture = CultureInfo.InvariantCulture,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName, excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }
}
