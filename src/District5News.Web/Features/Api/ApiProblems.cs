using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace District5News.Web.Features.Api;

/// <summary>
/// The web service's errors as RFC 9457 (formerly 7807) problem details, <c>application/problem+json</c>, with the
/// <c>title</c> and <c>detail</c> in Vietnamese. Bad input answers 400 with an <c>errors</c> member naming each
/// parameter, so a client can point at the field; the same shapes come from the controllers, the rate limiter and
/// the status-code pages (an unknown /api address, a wrong method, a failure).
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>400: the request's parameters, each with what is wrong with it.</summary>
    public static ValidationProblemDetails BadRequest(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            Title = "Yêu cầu không hợp lệ",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
        };

    /// <summary>A problem for <paramref name="status"/>, with <paramref name="detail"/> or the status's usual explanation.</summary>
    public static ProblemDetails ForStatus(int status, string? detail = null) => new()
    {
        Type = TypeOf(status),
        Title = TitleOf(status),
        Status = status,
        Detail = detail ?? DetailOf(status),
    };

    public static ObjectResult Result(ProblemDetails problem) =>
        new(problem) { StatusCode = problem.Status, ContentTypes = { ContentType } };

    /// <summary>Writes <paramref name="problem"/> outside MVC (the rate limiter's refusal).</summary>
    public static Task WriteAsync(HttpResponse response, ProblemDetails problem, CancellationToken cancellationToken)
    {
        response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(response.Body, problem, problem.GetType(), Json, cancellationToken);
    }

    private static string TypeOf(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        406 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "about:blank",
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        403 => "Không có quyền truy cập",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        406 => "Định dạng không được hỗ trợ",
        429 => "Quá nhiều yêu cầu",
        503 => "Dịch vụ tạm thời không sẵn sàng",
        >= 500 => "Lỗi máy chủ",
        _ => "Yêu cầu không thực hiện được",
    };

    private static string DetailOf(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ.",
        404 => "Không có địa chỉ này trong dịch vụ dữ liệu. Xem danh sách địa chỉ tại " + Routing.ApiRoutes.OpenApiV1 + ".",
        405 => "Dịch vụ dữ liệu chỉ cho phép đọc (GET, HEAD).",
        429 => "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ theo thời gian trong tiêu đề Retry-After rồi thử lại.",
        >= 500 => "Máy chủ gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau.",
        _ => "Yêu cầu không thực hiện được.",
    };
}
