using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts a visit and a page view for each public page a person gets with status 200. A visit is one browser's pages
/// within the visit window, kept by a short-lived first-party cookie that holds no personal data.
/// Runs after routing so it can see whether the endpoint is a counted page, and before any output cache,
/// so cached pages are counted too.
/// </summary>
public sealed class CountingMiddleware(RequestDelegate next, VisitCounter counter, IOptions<CountingOptions> options)
{
    public const string VisitCookie = "d5_visit";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<CountedPageAttribute>() is null || !RequestClassifier.IsCountable(context.Request))
        {
            return next(context);
        }

        // Counted before the page renders, so the counter on the page includes this visit; taken back below
        // if the page turns out not to be a page (404, redirect, error).
        var newVisit = !context.Request.Cookies.ContainsKey(VisitCookie);
        counter.RecordPageView(newVisit);
        var feature = new CountingFeature();
        context.Features.Set(feature);
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.Cookies.Append(VisitCookie, "1", CookieOptions(context, options.Value.VisitWindow));
            }
            else
            {
                counter.RecordPageView(newVisit, -1);
            }

            if (feature.SeenCookieValue is not null)
            {
                context.Response.Cookies.Append(ArticleViewCounting.SeenCookie, feature.SeenCookieValue, CookieOptions(context, options.Value.VisitWindow));
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    internal static CookieOptions CookieOptions(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        MaxAge = lifetime,
        Path = "/",
    };
}

/// <summary>Set on requests the middleware counts; the article page uses it to count the bulletin's view.</summary>
public sealed class CountingFeature
{
    public string? SeenCookieValue { get; set; }
}
