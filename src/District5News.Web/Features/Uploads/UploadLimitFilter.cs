using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace District5News.Web.Features.Uploads;

/// <summary>
/// The one way a form with files gets its size limit: sets the request's body limit (Kestrel's 30 MB default suits
/// neither a 5 MB cover nor a 50 MB archive), refuses a body whose stated size is over it before reading a byte, and
/// reads the form itself with that limit before the global anti-forgery check does — when that check is the first to
/// hit the limit, all it can answer is an empty "bad request". Each upload form says its limit and how it answers.
/// Apply with <c>[TypeFilter&lt;T&gt;(Order = UploadLimitFilter.RunsBeforeAntiforgery)]</c>.
/// </summary>
public abstract class UploadLimitFilter : IAsyncAuthorizationFilter
{
    /// <summary>Below <see cref="AutoValidateAntiforgeryTokenAttribute"/>'s order (1000), after authorization.</summary>
    public const int RunsBeforeAntiforgery = -1000;

    /// <summary>The largest request body this form accepts, in bytes.</summary>
    protected abstract long Limit { get; }

    /// <summary>The Vietnamese message for a body over <see cref="Limit"/>.</summary>
    protected abstract string TooLargeMessage { get; }

    /// <summary>The answer to a refused upload (status 413 or 400, with <paramref name="message"/>).</summary>
    protected abstract IActionResult Refuse(AuthorizationFilterContext context, int status, string message);

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = Limit;
        if (http.Request.ContentLength > limit)
        {
            context.Result = Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLargeMessage);
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
            context.Result = Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLargeMessage);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // The multipart reader says "limit exceeded" and "malformed" with the same exception type.
            context.Result = Refuse(context, StatusCodes.Status400BadRequest,
                "Không đọc được dữ liệu gửi lên: dữ liệu bị hỏng hoặc vượt quá giới hạn. " + TooLargeMessage);
        }
    }
}
