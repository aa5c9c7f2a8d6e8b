using District5News.Web.Features.Caching;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts visits, page views and bulletin views in memory and writes them in batches as relative increments, so a
/// page view costs no database write and several instances can share one database; shown figures are exact at every
/// moment. The rest of the app uses only this class; the work is done by <see cref="PendingCounts"/> (the buffer),
/// <see cref="StoredTotals"/> (kept totals and their consistency), <see cref="CountReader"/> and <see cref="CountWriter"/>.
/// </summary>
public sealed class VisitCounter(
    PendingCounts pending, StoredTotals totals, CountReader reader, CountWriter writer, TimeProvider clock, ILogger<VisitCounter> logger)
    : IPublicContentChangeHandler, IDisposable
{
    private readonly SemaphoreSlim _flushGate = new(1, 1);

    // Failed flushes in a row (under _flushGate): the first one of an outage is logged as an error, the end of it as news.
    private int _failedFlushes;

    public void Dispose() => _flushGate.Dispose();

    /// <summary>Adds a page view, and a visit when it starts one.</summary>
    public void RecordPageView(bool newVisit) => pending.RecordPageView(VietnamTime.Today(clock), newVisit);

    public void RecordArticleView(int articleId) => pending.RecordArticleView(articleId, VietnamTime.Today(clock));

    /// <summary>"Số lượt người xem": imported plus counted views of a bulletin, including views not yet written.</summary>
    public ValueTask<long> GetArticleViewsAsync(int articleId, CancellationToken cancellationToken = default) =>
        totals.ArticleViewsAsync(articleId, reader.ReadArticleViewsAsync, cancellationToken);

    /// <summary>
    /// Runs a query that also reads the bulletin's stored views (imported plus counted, as
    /// <see cref="CountReader.ReadArticleViewsAsync"/> reads them) and keeps them, so showing "Số lượt người xem" on
    /// the page it renders needs no read of its own.
    /// </summary>
    public Task<T> ReadAlongWithArticleViewsAsync<T>(
        int articleId, Func<CancellationToken, Task<(T Result, long? StoredViews)>> read, CancellationToken cancellationToken = default) =>
        totals.ReadAlongWithArticleViewsAsync(articleId, read, cancellationToken);

    /// <summary>"SỐ LƯỢT TRUY CẬP": the stored total (with its imported start) plus visits not yet written.</summary>
    public async Task<long> GetTotalVisitsAsync(CancellationToken cancellationToken = default) =>
        await totals.VisitsAsync(reader.ReadVisitsAsync, cancellationToken);

    /// <summary>
    /// A content change may have moved stored totals behind this instance's back (an import sets imported views and
    /// the counter's starting value): read them again.
    /// </summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        totals.Forget();
        return ValueTask.CompletedTask;
    }

    /// <summary>What is counted but not yet written (e.g. to report what a failed last flush leaves).</summary>
    public (long Visits, long PageViews, long ArticleViews) Unwritten() => pending.Unwritten();

    /// <summary>Writes everything counted so far. Safe to call concurrently; a failed write keeps the counts for the next try.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushGate.WaitAsync(cancellationToken);
        try
        {
            if (pending.TakeBatch() is not { } batch)
            {
                return;
            }

            totals.BeginWrite();
            try
            {
                await writer.WriteAsync(batch, cancellationToken);
            }
            catch (Exception ex)
            {
                // The transaction was rolled back: the batch goes back to be written with the next one.
                totals.BatchFailed(batch);
                if (_failedFlushes++ == 0)
                {
                    logger.LogError(ex, "Writing counts failed; they are kept in memory and written when the database takes writes again");
                }
                else
                {
                    logger.LogDebug(ex, "Writing counts failed again ({Failures} times in a row)", _failedFlushes);
                }

                throw;
            }

            totals.BatchWritten(batch);
            if (_failedFlushes > 0)
            {
                logger.LogWarning("Counts written again after {Failures} failed attempts; nothing was lost", _failedFlushes);
                _failedFlushes = 0;
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }
}
