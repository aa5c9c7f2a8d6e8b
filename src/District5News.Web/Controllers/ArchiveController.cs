using District5News.Web.Features.Archive;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Caching;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>"Xem theo ngày": the picker's form, one day, one month.</summary>
public sealed class ArchiveController(ArchiveQueries archive) : PublicController
{
    /// <summary>
    /// The picker's form sends ngay=25/11/2026 here and is redirected to that day. Without a date (a link checker, a
    /// bookmark) this is the page to pick one; a wrong date gets the same page, with why, and 400.
    /// </summary>
    [HttpGet(SiteRoutes.DayPicker)]
    [NoPageCache] // the cache tells pages apart by ?page= only: a cached bare page would answer every ?ngay=
    public IActionResult Pick(string? ngay)
    {
        if (string.IsNullOrWhiteSpace(ngay))
        {
            return View(archive.GetPicker(null, null));
        }

        if (!PickerDate.TryParse(ngay, out var day, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(archive.GetPicker(ngay, error));
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
