using District5News.Web.Routing;
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
        return status switch
        {
            StatusCodes.Status404NotFound => View("NotFound", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
            StatusCodes.Status400BadRequest => View("BadRequest", "Yêu cầu không hợp lệ."),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests", RetryAfter()),
            _ => View("ServerError", status),
        };
    }

    /// <summary>The wait the rate limiter set on the refused response, if any.</summary>
    private TimeSpan? RetryAfter() =>
        int.TryParse(Response.Headers.RetryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
