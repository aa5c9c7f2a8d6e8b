using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Import;

/// <summary>
/// Sets the upload page's request limits (Kestrel's 30 MB default is too small, the form reader's 128 MB too big)
/// and refuses an upload whose declared size is over the limit with the form and a clear message, before anything
/// reads the body. It must run before the global anti-forgery check, which reads the whole form: a failure there
/// would only say "bad request".
/// </summary>
public sealed class ImportUploadLimitFilter(IOptions<ImportOptions> options, IModelMetadataProvider metadata) : IAuthorizationFilter
{
    /// <summary>Below <see cref="AutoValidateAntiforgeryTokenAttribute"/>'s order (1000).</summary>
    public const int RunsBeforeAntiforgery = -1000;

    public static string TooLargeMessage(long maxBytes) =>
        $"Dung lượng tải lên vượt quá giới hạn {ImportOptions.FormatSize(maxBytes)}. " +
        "Hãy chia các tệp thành nhiều lần tải lên.";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit)
        {
            context.ModelState.AddModelError(string.Empty, TooLargeMessage(limit));
            context.Result = new ViewResult
            {
                ViewName = "Index",
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ViewData = new ViewDataDictionary<ImportPageViewModel>(metadata, context.ModelState)
                {
                    Model = new ImportPageViewModel(limit),
                },
            };
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }
}
