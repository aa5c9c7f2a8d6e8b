using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Counting;

/// <summary>Writes buffered counts every <see cref="CountingOptions.FlushInterval"/>, and once more on a graceful stop.</summary>
public sealed class CounterFlushService(VisitCounter counter, IOptions<CountingOptions> options, ILogger<CounterFlushService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final flush happens in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushQuietlyAsync(CancellationToken.None);
        var (visits, pageViews, articleViews) = counter.Unwritten();
        if (pageViews != 0 || articleViews != 0)
        {
            // The database refused the last flush (read-only, disk full): say what a stop now loses instead of losing it quietly.
            logger.LogError("Stopping with counts the database would not take: {Visits} visits, {PageViews} page views, {ArticleViews} bulletin views lost",
                visits, pageViews, articleViews);
        }
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Already logged by the counter; the counts stay in memory for the next tick.
            logger.LogDebug(ex, "Flush postponed");
        }
    }
}
