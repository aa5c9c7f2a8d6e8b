using District5News.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Controllers;

/// <summary>The Vietnamese answers to bad input, shared by the public site and the back office.</summary>
public static class ErrorPageExtensions
{
    /// <summary>400 with the Vietnamese explanation of what was wrong with the request.</summary>
    public static ViewResult BadRequestPage(this Controller controller, string message)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View("~/Views/Error/BadRequest.cshtml", message);
    }

    /// <summary>404 with a Vietnamese explanation of what was not found.</summary>
    public static ViewResult NotFoundPage(this Controller controller, string message)
    {
        controller.Response.StatusCode = StatusCodes.Status404NotFound;
        return controller.View("~/Views/Error/NotFound.cshtml", message);
    }

    /// <summary>403 with the Vietnamese reason the request was refused (e.g. another unit's bulletin).</summary>
    public static ViewResult ForbiddenPage(this Controller controller, string message)
    {
        controller.Response.StatusCode = StatusCodes.Status403Forbidden;
        return controller.View("~/Views/Error/Forbidden.cshtml", message);
    }

    /// <summary>429 with <c>Retry-After</c> and a Vietnamese "wait and try again" page.</summary>
    public static ViewResult TooManyRequestsPage(this Controller controller, TimeSpan retryAfter)
    {
        controller.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        RateLimitingExtensions.SetRetryAfter(controller.Response, retryAfter);
        return controller.View("~/Views/Error/TooManyRequests.cshtml", retryAfter);
    }
}
