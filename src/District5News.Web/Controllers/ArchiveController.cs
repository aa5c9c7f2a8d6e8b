using District5News.Web.Features.Archive;
using District5News.Web.Features.Articles;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>"Xem theo ngày": the picker's form, one day, one month.</summary>
public sealed class ArchiveController(ArchiveQueries archive) : PublicController
{
    [HttpGet(SiteRoutes.DayPicker)]
    public IActionResult Pick(string? ngay)
    {
        if (!ArchiveQueries.TryParsePickerDate(ngay, out var day) || !ArchiveQueries.TryMakeDate(day.Year, day.Month, day.Day, out _))
        {
            return BadInput("Ngày không hợp lệ. Vui lòng chọn ngày theo dạng năm-tháng-ngày, ví dụ 2026-11-23.");
        }

        return Redirect(ArticleUrls.Day(day));
    }

    [HttpGet(SiteRoutes.Day)]
    public async Task<IActionResult> Day(int year, int month, int day, CancellationToken cancellationToken)
    {
        if (!ArchiveQueries.TryMakeDate(year, month, day, out var date))
        {
            return NotFoundPage("Ngày này không có trong lịch.");
        }

        return View(await archive.GetDayAsync(date, cancellationToken));
    }

    [HttpGet(SiteRoutes.Month)]
    public async Task<IActionResult> Month(int year, int month, CancellationToken cancellationToken)
    {
        if (!ArchiveQueries.IsValidMonth(year, month))
        {
            return NotFoundPage("Tháng này không có trong lịch.");
        }

        return View(await archive.GetMonthAsync(year, month, cancellationToken));
    }
}
