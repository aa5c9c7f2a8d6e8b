using District5News.Web.Features.Api;
using District5News.Web.Features.Caching;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers.Api;

/// <summary>The publishing units and how the former wards map to today's (docs/api.md).</summary>
[Tags("Units")]
public sealed class UnitsApiController(UnitApiQueries units) : WebServiceController
{
    [HttpGet(ApiRoutes.Units)]
    [PageCached]
    [EndpointName("listUnits")]
    [EndpointSummary("Every publishing unit: the district archive, today's wards and the former numbered wards.")]
    [EndpointDescription("Each former ward names its successor; a ward's bulletins filter (unit=slug) includes its predecessors at any depth.")]
    [ProducesResponseType<ApiList<ApiUnit>>(StatusCodes.Status200OK, ApiJsonResult.MediaType)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) => new ApiJsonResult(await units.ListAsync(cancellationToken));
}
