using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

/// <summary>
/// Staff pages (sign-in, the back office) set Secure-only cookies outside Development, and ASP.NET's anti-forgery
/// refuses to issue or check those over plain HTTP with an exception, i.e. a 500. That happens when the portal is
/// reached without HTTPS: directly on its Kestrel port, or through a proxy that is not listed in
/// ForwardedHeaders:KnownProxies (its X-Forwarded-Proto is then ignored, on purpose). This filter answers those
/// requests first with a Vietnamese page (403) pointing to the HTTPS address, and logs a hint for the operator.
/// It does not redirect: behind an untrusted proxy the HTTPS address would come back here as HTTP again, in a loop.
/// </summary>
public sealed class HttpsRequiredFilter(
    IOptions<AntiforgeryOptions> antiforgery, SiteAddress site, IModelMetadataProvider metadata, ILogger<HttpsRequiredFilter> logger)
    : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before authorization (which would redirect to the sign-in page) and before anti-forgery validation.</summary>
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.IsHttps
            || antiforgery.Value.Cookie.SecurePolicy != CookieSecurePolicy.Always
            || !IsStaffPage(context.RouteData.Values))
        {
            return;
        }

        logger.LogWarning(
            "Staff page {Path} requested over plain HTTP from {RemoteIp}; if this came through the HTTPS proxy, add its address to ForwardedHeaders:KnownProxies",
            request.Path.Value, context.HttpContext.Connection.RemoteIpAddress);
        var secureUrl = site.Absolute(request, request.Path.Value + request.QueryString.Value);
        if (secureUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            secureUrl = "https://" + secureUrl["http://".Length..];
        }

        context.Result = new ViewResult
        {
            ViewName = "~/Views/Error/HttpsRequired.cshtml",
            StatusCode = StatusCodes.Status403Forbidden,
            ViewData = new ViewDataDictionary<string>(metadata, context.ModelState) { Model = secureUrl },
        };
    }

    private static bool IsStaffPage(RouteValueDictionary values) =>
        string.Equals(values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase)
        || string.Equals(values["controller"] as string, "Account", StringComparison.OrdinalIgnoreCase);
}
