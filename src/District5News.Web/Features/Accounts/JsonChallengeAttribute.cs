using System.Text.Json;

namespace District5News.Web.Features.Accounts;

/// <summary>
/// Marks an endpoint scripts call (the form's autosave): when the sign-in has expired it answers 401 (or 403) with a
/// short JSON body instead of redirecting to the sign-in page, so the script can tell and keep the text on the device.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class JsonChallengeAttribute : Attribute
{
    public const string SignedOutMessage = "Phiên đăng nhập đã hết hạn. Nội dung vẫn được giữ trên máy này; hãy đăng nhập lại để lưu lên máy chủ.";

    public const string ForbiddenMessage = "Tài khoản này không có quyền lưu bản tin.";

    public static bool AppliesTo(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<JsonChallengeAttribute>() is not null;

    public static Task WriteAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error, message }));
    }
}
