using District5News.Web.Features.Api;
using District5News.Web.Hosting;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace District5News.Web.Controllers.Api;

/// <summary>
/// What every web-service controller of version 1 shares: listed in the OpenAPI document v1, the "api" rate limit per
/// address, readable from any web page (CORS, GET only, no credentials), and the answers every operation can give
/// besides its own: 304 to a conditional request, 429 past the limit (problem+json). A controller derives from this,
/// takes its address from <see cref="ApiRoutes"/>, answers with <see cref="ApiJsonResult"/> and
/// <see cref="ApiProblems"/>, and pages with <see cref="ApiPaging"/>.
/// </summary>
[ApiExplorerSettings(GroupName = ApiRoutes.V1DocumentName)]
[EnableRateLimiting(RateLimitingExtensions.ApiPolicy)]
[EnableCors(ApiServiceCollectionExtensions.CorsPolicy)]
[ProducesResponseType(StatusCodes.Status304NotModified)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)]
public abstract class WebServiceController : ControllerBase;
