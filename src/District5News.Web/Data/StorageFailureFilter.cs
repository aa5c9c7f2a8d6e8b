using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace District5News.Web.Data;

/// <summary>
/// Any action whose write the database or the disk refused (<see cref="StorageFailure"/>) answers a Vietnamese 503
/// "try again in a few minutes" page instead of the generic 500: trash, accounts, sign-in, restore. The bulletin
/// editor handles its own case first, so that its form comes back with what was typed.
/// </summary>
public sealed class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IExceptionFilter
{
    public const string ViewPath = "~/Views/Error/StorageUnavailable.cshtml";

    public void OnException(ExceptionContext context)
    {
        if (context.ExceptionHandled || !StorageFailure.Is(context.Exception))
        {
            return;
        }

        var request = context.HttpContext.Request;
        logger.LogError(context.Exception, "{Method} {Path}: the database or the disk refused the write; answered 503", request.Method, request.Path);
        context.HttpContext.Response.Headers.RetryAfter = "60";
        context.Result = new ViewResult
        {
            ViewName = ViewPath,
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState),
        };
        context.ExceptionHandled = true;
    }
}
