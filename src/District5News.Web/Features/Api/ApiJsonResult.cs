using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace District5News.Web.Features.Api;

/// <summary>
/// A web-service answer as JSON with conditional requests (RFC 9110 §13): a strong ETag that is the hash of the exact
/// bytes sent, so it changes exactly when the content does (a bulletin published, edited or removed; a count moved);
/// <c>Last-Modified</c> where the content has one honest date; <c>If-None-Match</c> (or, without it,
/// <c>If-Modified-Since</c>) answered 304 with no body. The output cache stores the 200 with its ETag and answers
/// repeats itself, so a cached answer and a fresh one carry the same tag.
/// </summary>
public sealed class ApiJsonResult(object value, DateTime? lastModifiedUtc = null) : IActionResult
{
    public const string MediaType = "application/json";

    public const string ContentType = MediaType + "; charset=utf-8";

    /// <summary>How long a browser or proxy may reuse an answer without asking; after that it revalidates with the ETag.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The one serializer setting of the web service: names come from each model's [JsonPropertyName]; nulls are written
    /// (a field is always present); letters are written as they are, markup characters escaped.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public Task ExecuteResultAsync(ActionContext context)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json);
        var etag = new EntityTagHeaderValue(StrongTag(body));
        var response = context.HttpContext.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };
        if (lastModifiedUtc is { } modified)
        {
            headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc));
        }

        if (IsNotModified(context.HttpContext.Request, etag, lastModifiedUtc))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.HttpContext.RequestAborted).AsTask();
    }

    /// <summary>"…" around the first 128 bits of the body's SHA-256, base64url: short, and a collision is out of reach.</summary>
    public static string StrongTag(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "\"" + Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>
    /// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). Tags compare weakly, as the RFC asks for
    /// If-None-Match: a compressed copy's tag may have been made weak on the way.
    /// </summary>
    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTime? lastModifiedUtc)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }

        return lastModifiedUtc is { } modified
            && headers.IfModifiedSince is { } since
            && TruncateToSeconds(DateTime.SpecifyKind(modified, DateTimeKind.Utc)) <= since.UtcDateTime;
    }

    private static DateTime TruncateToSeconds(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}
