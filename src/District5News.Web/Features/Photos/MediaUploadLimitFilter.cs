using District5News.Web.Features.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace District5News.Web.Features.Photos;

/// <summary>The photo upload's limit: answered in JSON to the editor's panel, on the Vietnamese error page to the library's form.</summary>
public sealed class MediaUploadLimitFilter(IModelMetadataProvider metadata) : UploadLimitFilter
{
    protected override long Limit => PhotoLimits.MaxBytes + (1024 * 1024);

    protected override string TooLargeMessage => PhotoMessages.TooLarge;

    protected override IActionResult Refuse(AuthorizationFilterContext context, int status, string message) =>
        MediaAnswers.WantsJson(context.HttpContext.Request)
            ? new JsonResult(new MediaUploadError(message)) { StatusCode = status }
            : new ViewResult
            {
                ViewName = "~/Views/Error/BadRequest.cshtml",
                ViewData = new ViewDataDictionary<string>(metadata, context.ModelState) { Model = message },
                StatusCode = status,
            };
}

/// <summary>The JSON of a refused upload: one message to show beside the file field.</summary>
public sealed record MediaUploadError(string Error);

public static class MediaAnswers
{
    /// <summary>The editor's panel asks for JSON; the library's plain form (no JavaScript) gets pages.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
