using District5News.Web.Data;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace District5News.Web.Hosting;

/// <summary>
/// <c>/healthz</c> and <c>/healthz/ready</c> for a load balancer. Minimal endpoints without [CountedPage], so the
/// counter and the page cache never see them; plain text with <c>Cache-Control: no-store</c>. Readiness asks the
/// database (a short query and the migrations table), so a balancer stops sending requests to an instance whose
/// database is gone or which runs ahead of the schema.
/// </summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapNewsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HealthRoutes.Alive, (HttpContext context) => Plain(context, StatusCodes.Status200OK, "ok"));
        endpoints.MapGet(HealthRoutes.Ready, ReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(HttpContext context, NewsDbContext db, ILoggerFactory loggers)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            return pending == 0
                ? Plain(context, StatusCodes.Status200OK, "ready")
                : Plain(context, StatusCodes.Status503ServiceUnavailable, $"not ready: {pending} migrations not applied");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Not ready: the database does not answer ({Message})", ex.GetBaseException().Message);
            return Plain(context, StatusCodes.Status503ServiceUnavailable, "not ready: the database does not answer");
        }
    }

    private static IResult Plain(HttpContext context, int status, string text)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Results.Text(text + "\n", "text/plain; charset=utf-8", statusCode: status);
    }
}
