using District5News.Web.Features.Emc;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

/// <summary>
/// Puts the security headers on every response: pages, pages served from the output cache, static files, redirects
/// and error pages. They are written when the response starts (OnStarting), after everything else has had its say,
/// so neither the cache replaying stored headers nor the exception handler clearing them can leave a page without.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly HeaderSet _public;
    private readonly HeaderSet _staff;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options, IOptions<EmcOptions> emc)
    {
        _next = next;
        var o = options.Value;

        // The EMC monitoring script is loaded by public pages only (EmcScriptTagHelper), so only their policy allows it.
        _public = new HeaderSet(ContentSecurityPolicy(o, o.PublicFrameAncestors, emc.Value.Origin), FrameOptions(o.PublicFrameAncestors), o.PermissionsPolicy);
        _staff = new HeaderSet(ContentSecurityPolicy(o, "'none'"), "DENY", o.PermissionsPolicy);
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, http) = ((SecurityHeadersMiddleware, HttpContext))state;
            self.Apply(http);
            return Task.CompletedTask;
        }, (this, context));
        return _next(context);
    }

    private void Apply(HttpContext context)
    {
        var set = IsStaffPath(OriginalPath(context)) ? _staff : _public;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = set.ContentSecurityPolicy;
        if (set.FrameOptions is not null)
        {
            headers.XFrameOptions = set.FrameOptions;
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = set.PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>Sign-in and the back office: never framed (clickjacking a staff form could publish or grant rights).</summary>
    internal static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments(AdminRoutes.Area, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AccountRoutes.Area, StringComparison.OrdinalIgnoreCase);

    /// <summary>An error page re-executed for a staff address keeps the staff headers.</summary>
    internal static PathString OriginalPath(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } reExecuted ? new PathString(reExecuted)
        : context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed ? new PathString(failed)
        : context.Request.Path;

    /// <summary>
    /// Scripts only from the portal's own files (no inline script, no eval), styles only from its stylesheets (no style
    /// attributes), images also from https (imported bulletins show photos kept on other government sites), forms
    /// posted only to itself, no plugins, no &lt;base&gt; rewriting.
    /// </summary>
    private static string ContentSecurityPolicy(SecurityHeadersOptions o, string frameAncestors, string? emcOrigin = null) =>
        string.Join("; ",
            "default-src 'self'",
            Directive("script-src", emcOrigin is null || o.ExtraScriptSources.Contains(emcOrigin) ? o.ExtraScriptSources : [.. o.ExtraScriptSources, emcOrigin]),
            "style-src 'self'",
            "img-src 'self' https:",
            "font-src 'self'",
            Directive("connect-src", o.ExtraConnectSources),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors " + frameAncestors);

    private static string Directive(string name, List<string> extra) =>
        extra.Count == 0 ? $"{name} 'self'" : $"{name} 'self' {string.Join(' ', extra)}";

    /// <summary>The older header for browsers that ignore frame-ancestors; it can say only DENY or SAMEORIGIN.</summary>
    private static string? FrameOptions(string frameAncestors) => frameAncestors.Trim() switch
    {
        "'none'" => "DENY",
        "'self'" => "SAMEORIGIN",
        _ => null,
    };

    private sealed record HeaderSet(string ContentSecurityPolicy, string? FrameOptions, string PermissionsPolicy);
}
