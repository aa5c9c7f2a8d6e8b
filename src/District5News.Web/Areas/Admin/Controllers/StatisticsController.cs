using District5News.Web.Features.Accounts;
using District5News.Web.Features.Statistics;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Areas.Admin.Controllers;

/// <summary>Visit statistics: figures, chart, most-read bulletins and the CSV and Excel exports. Administrators only.</summary>
[Authorize(Policy = StaffPolicies.Administrator)]
public sealed class StatisticsController(StatisticsQueries statistics) : AdminController
{
    [HttpGet(AdminRoutes.Statistics)]
    public async Task<IActionResult> Index(StatisticsRangeInput input, CancellationToken cancellationToken)
    {
        var result = await statistics.GetPageAsync(input, cancellationToken);
        if (result.Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(result);
    }

    [HttpGet(AdminRoutes.StatisticsCsv)]
    public async Task<IActionResult> Csv(StatisticsRangeInput input, CancellationToken cancellationToken)
    {
        var result = await statistics.GetCsvAsync(input, cancellationToken);
        if (result.Error is not null)
        {
            return BadInput(result.Error);
        }

        return File(result.Content!, CsvExport.ContentType, result.FileName);
    }

    [HttpGet(AdminRoutes.StatisticsXlsx)]
    public async Task<IActionResult> Xlsx(StatisticsRangeInput input, CancellationToken cancellationToken)
    {
        var result = await statistics.GetXlsxAsync(input, cancellationToken);
        if (result.Error is not null)
        {
            return BadInput(result.Error);
        }

        return File(result.Content!, XlsxExport.ContentType, result.FileName);
    }
}
