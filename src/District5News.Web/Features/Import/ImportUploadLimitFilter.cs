using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Import;

/// <summary>
/// Sets the upload page's request limits (Kestrel's 30 MB default is too small, the form reader's 128 MB too big)
/// and refuses an upload over the limit with the form and a clear message. It reads the form itself, before the
/// global anti-forgery check does (which then uses the form already read): when that check is the first to hit the
/// limit, all it can answer is an empty "bad request".
/// </summary>
public sealed class ImportUploadLimitFilter(IOptions<ImportOptions> options, IModelMetadataProvider metadata) : IAsyncAuthorizationFilter
{
    /// <summary>Below <see cref="AutoValidateAntiforgeryTokenAttribute"/>'s order (1000).</summary>
    public const int RunsBeforeAntiforgery = -1000;

    public static string TooLargeMessage(long maxBytes) =>
        $"Dung lượng tải lên vượt quá giới hạn {ImportOptions.FormatSize(maxBytes)}. Hãy chia các tệp thành nhiều lần tải lên.";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = options.Value.MaxUploadBytes;

        // A browser states the size of a file upload up front: refuse it before reading a byte.
        if (http.Request.ContentLength > limit)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLargeMessage(limit));
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasFormContentType || http.Features.Get<IFormFeature>()?.Form is not null)
        {
            return;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLargeMessage(limit));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // The multipart reader says "limit exceeded" and "malformed" with the same exception type.
            Refuse(context, StatusCodes.Status400BadRequest,
                $"Không đọc được các tệp tải lên: dữ liệu gửi lên bị hỏng hoặc vượt quá giới hạn {ImportOptions.FormatSize(limit)}. " +
                "Hãy thử lại, chia các tệp thành nhiều lần tải lên nếu cần.");
        }
    }

    private void Refuse(AuthorizationFilterContext context, int status, string message)
    {
        context.ModelState.AddModelError(string.Empty, message);
        context.Result = new ViewResult
        {
            ViewName = "Index",
            StatusCode = status,
            ViewData = new ViewDataDictionary<ImportPageViewModel>(metadata, context.ModelState)
            {
                Model = new ImportPageViewModel(options.Value.MaxUploadBytes),
            },
        };
    }
}
