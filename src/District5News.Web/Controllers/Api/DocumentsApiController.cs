using District5News.Web.Features.Api;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Documents;
using District5News.Web.Hosting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers.Api;

/// <summary>The documents library as structured data (docs/api.md): the same filters as /van-ban.</summary>
[Tags("Documents")]
public sealed class DocumentsApiController(DocumentApiQueries documents, SiteAddress site) : WebServiceController
{
    [HttpGet(ApiRoutes.Documents)]
    [PageCached(VaryByQuery = [ApiPaging.PageParameter, ApiPaging.PageSizeParameter, DocumentListParameters.UnitParameter,
        DocumentListParameters.TypeParameter, DocumentListParameters.YearParameter, DocumentListParameters.QParameter])]
    [EndpointName("listDocuments")]
    [EndpointSummary("Documents of the library, newest issue date first, paged and filtered.")]
    [EndpointDescription("Filters combine (AND): unit, type, year of issue, and q (words of the number, summary, issuing body or signer; tone marks do not matter).")]
    [ProducesResponseType<ApiPage<ApiDocument>>(StatusCodes.Status200OK, ApiJsonResult.MediaType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List([FromQuery] DocumentListParameters parameters, CancellationToken cancellationToken)
    {
        var outcome = await documents.ListAsync(parameters, ModelState, Absolute, cancellationToken);
        return outcome.Value is { } page
            ? new ApiJsonResult(page)
            : ApiProblems.Result(ApiProblems.BadRequest(outcome.Errors!.ToDictionary()));
    }

    [HttpGet(ApiRoutes.Document)]
    [PageCached]
    [EndpointName("getDocument")]
    [EndpointSummary("One document's details and the address of its PDF.")]
    [ProducesResponseType<ApiDocument>(StatusCodes.Status200OK, ApiJsonResult.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await documents.GetAsync(id, Absolute, cancellationToken) is { } found
            ? new ApiJsonResult(found.Document, found.ModifiedUtc)
            : ApiProblems.Result(ApiProblems.ForStatus(StatusCodes.Status404NotFound, $"Không có văn bản số {id}."));

    private string Absolute(string path) => site.Absolute(Request, path);
}
