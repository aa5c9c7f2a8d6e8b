using District5News.Web.Features.Api;
using District5News.Web.Features.Caching;
using District5News.Web.Hosting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers.Api;

/// <summary>
/// The bulletins as structured data (docs/api.md). Read-only JSON for other systems; not page views (no
/// [CountedPage]); rate-limited per address; kept in the page cache, one copy per combination of the query values
/// that matter, and evicted with the public pages on every content change.
/// </summary>
[Tags("Bulletins")]
public sealed class BulletinsApiController(BulletinApiQueries bulletins, SiteAddress site) : WebServiceController
{
    [HttpGet(ApiRoutes.Bulletins)]
    [PageCached(VaryByQuery = [ApiPaging.PageParameter, ApiPaging.PageSizeParameter, BulletinListParameters.UnitParameter,
        BulletinListParameters.CategoryParameter, BulletinListParameters.FromParameter, BulletinListParameters.ToParameter])]
    [EndpointName("listBulletins")]
    [EndpointSummary("Bulletins residents can see, newest first, paged and filtered.")]
    [EndpointDescription("Only published bulletins whose time has come: never drafts, unpublished, scheduled or trashed ones. Filters combine (AND).")]
    [ProducesResponseType<ApiPage<ApiBulletinSummary>>(StatusCodes.Status200OK, ApiJsonResult.MediaType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List([FromQuery] BulletinListParameters parameters, CancellationToken cancellationToken)
    {
        var errors = new ApiErrors();
        if (parameters.Validate(ModelState, errors) is not { } filter)
        {
            return ApiProblems.Result(ApiProblems.BadRequest(errors.ToDictionary()));
        }

        var outcome = await bulletins.ListAsync(filter, Absolute, cancellationToken);
        return outcome.Value is { } page
            ? new ApiJsonResult(page)
            : ApiProblems.Result(ApiProblems.BadRequest(outcome.Errors!.ToDictionary()));
    }

    [HttpGet(ApiRoutes.Bulletin)]
    [PageCached]
    [EndpointName("getBulletin")]
    [EndpointSummary("One bulletin with its text.")]
    [EndpointDescription("404 for a bulletin residents cannot see (a draft, a scheduled or trashed one) as for one that does not exist.")]
    [ProducesResponseType<ApiBulletin>(StatusCodes.Status200OK, ApiJsonResult.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await bulletins.GetAsync(id, Absolute, cancellationToken) is { } found
            ? new ApiJsonResult(found.Bulletin, found.ModifiedUtc)
            : ApiProblems.Result(ApiProblems.ForStatus(StatusCodes.Status404NotFound, $"Không có bản tin số {id}, hoặc bản tin chưa được công bố."));

    private string Absolute(string path) => site.Absolute(Request, path);
}
