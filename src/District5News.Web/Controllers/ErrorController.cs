using District5News.Web.Features.Api;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>The Vietnamese error pages the status-code and exception middleware re-execute into.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs too (e.g. 405); the error page itself changes nothing

public sealed class ErrorController : Controller
{
    [Route(SiteRoutes.Error)]
    public IActionResult Show(int code)
    {
        // The exception itself is logged, with its request, by the exception handler middleware.
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        if (ApiRoutes.IsApiPath(OriginalPath()))
        {
            // A program asked (an unknown /api address, a POST, a failure): it gets problem+json, not a page.
            return ApiProblems.Result(ApiProblems.ForStatus(status));
        }

        return status switch
        {
            StatusCodes.Status404NotFound => View("NotFound", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
            StatusCodes.Status400BadRequest => View("BadRequest", "Yêu cầu không hợp lệ."),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests", RetryAfter()),
            _ => View("ServerError", status),
        };
    }

    private PathString OriginalPath() =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } reExecuted ? new PathString(reExecuted)
        : HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed ? new PathString(failed)
        : Request.Path;

    /// <summary>The wait the rate limiter set on the refused response, if any.</summary>
    private TimeSpan? RetryAfter() =>
        int.TryParse(Response.Headers.RetryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
