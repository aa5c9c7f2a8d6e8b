using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts a visit and a page view for each public page a person gets with status 200, and the bulletin's own view
/// on the bulletin page. A visit is one browser's pages within the visit window, kept by a short-lived first-party
/// cookie that holds no personal data.
/// Runs after routing, to see whether the endpoint is a counted page, and outside the output cache, so pages served
/// from the cache are counted exactly like rendered ones: the decision is taken when the response starts (the
/// status is then known) and the cookies are added to that response only, never to the cached copy.
/// </summary>
public sealed class CountingMiddleware(
    RequestDelegate next, VisitCounter counter, ArticleViewCounting articleViews, IOptions<CountingOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<CountedPageAttribute>() is null)
        {
            return next(context);
        }

        int? articleId = null;
        if (endpoint.Metadata.GetMetadata<CountedArticleAttribute>() is { } article
            && int.TryParse(context.Request.RouteValues[article.RouteKey] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            articleId = id;
        }

        return InvokeCountedAsync(context, new CountedPageRequest(context, counter, articleViews, options.Value, articleId));
    }

    private async Task InvokeCountedAsync(HttpContext context, CountedPageRequest request)
    {
        context.Features.Set(request);
        var body = context.Response.Body;
        await using var stream = new LiveNumbersStream(context.Response.BodyWriter, request);
        context.Response.Body = stream;

        // A response with no body (a redirect) starts without writing through the stream.
        context.Response.OnStarting(static state =>
        {
            ((CountedPageRequest)state).Start();
            return Task.CompletedTask;
        }, request);
        try
        {
            await next(context);
            await stream.CompleteAsync(context.RequestAborted);
        }
        finally
        {
            context.Response.Body = body;
        }
    }
}

/// <summary>One counted page's request: whether and what it counted, and the live numbers its page shows.</summary>
internal sealed class CountedPageRequest(
    HttpContext context, VisitCounter counter, ArticleViewCounting articleViews, CountingOptions options, int? articleId)
    : ILiveNumbersSource
{
    private bool _started;

    /// <summary>Called once, just before the response starts: counts a 200 page a person gets, and sets the cookies.</summary>
    public void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        var response = context.Response;
        if (response.HasStarted || response.StatusCode != StatusCodes.Status200OK)
        {
            return;
        }

        // Every view must reach the portal to be counted: browsers and proxies may keep the page but must ask again.
        response.Headers.CacheControl = "no-cache";
        response.ContentLength = null;
        if (!RequestClassifier.IsCountable(context.Request))
        {
            return;
        }

        counter.RecordPageView(newVisit: !context.Request.Cookies.ContainsKey(CountingCookies.Visit));
        response.Cookies.Append(CountingCookies.Visit, "1", CountingCookies.Options(context, options.VisitWindow));
        if (articleId is { } id && articleViews.CountView(context.Request, id) is { } seen)
        {
            response.Cookies.Append(CountingCookies.Seen, seen, CountingCookies.Options(context, options.VisitWindow));
        }
    }

    /// <summary>The bytes to write in place of a marker: a bulletin's views, or the visit counter's digits.</summary>
    public async ValueTask<byte[]> ResolveAsync(int? markerArticleId, CancellationToken cancellationToken)
    {
        var html = markerArticleId is { } id
            ? LiveNumberMarkup.ArticleViews(await counter.GetArticleViewsAsync(id, cancellationToken))
            : LiveNumberMarkup.VisitCounter(await counter.GetTotalVisitsAsync(cancellationToken));
        return Encoding.UTF8.GetBytes(html);
    }
}
