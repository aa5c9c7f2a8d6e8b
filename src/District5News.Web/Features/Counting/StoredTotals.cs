namespace District5News.Web.Features.Counting;

/// <summary>
/// The stored totals (site visits, each bulletin's views) kept in memory so cached pages show them without a query,
/// and the figure shown: a stored total plus what <see cref="PendingCounts"/> has not written yet, exact at every moment.
/// A kept total is moved forward by this instance's own batches and read again after <see cref="Lifetime"/> to take
/// in what other instances wrote.
/// </summary>
/// <remarks>
/// The consistency protocol: a write sequence that is odd while a batch is being written. A total read from the
/// database is kept only if the sequence was even and did not move during the read; otherwise the value may hold
/// the batch or not, and keeping it would count that batch twice or never. Lock order: this lock, then
/// <see cref="PendingCounts"/>' (never the other way), so a batch leaves "unwritten" and joins the kept totals in
/// one step.
/// </remarks>
public sealed class StoredTotals(PendingCounts pending, TimeProvider clock)
{
    /// <summary>
    /// How long a kept total is trusted before being read again (other instances add to it). With the flush interval
    /// (1 s) this bounds how far a figure shown by one instance trails the others' counting: at most about 4 s of their
    /// traffic (docs/decisions/0009; the promise is 5 s). A read is one primary-key lookup per bulletin shown in those
    /// 3 s, and one for the site total.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    private const int MaxArticlesKept = 200_000;
    private const int ReadAttempts = 3;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, Kept> _articleViews = [];
    private Kept? _visits;
    private long _writeSequence;

    /// <summary>
    /// "Số lượt người xem": a bulletin's stored total (imported plus counted views) plus its unwritten views. Usually
    /// answered from memory; the first call for a bulletin (and one a <see cref="Lifetime"/> later) reads it with
    /// <paramref name="readStored"/>.
    /// </summary>
    public async ValueTask<long> ArticleViewsAsync(
        int articleId, Func<int, CancellationToken, Task<long>> readStored, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (_articleViews.TryGetValue(articleId, out var kept) && IsFresh(kept, now))
            {
                return kept.Total + pending.UnwrittenArticleViews(articleId);
            }
        }

        return await ReadConsistentlyAsync(
            ct => readStored(articleId, ct),
            stored => KeepArticleViews(articleId, stored, now),
            () => pending.UnwrittenArticleViews(articleId),
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="read"/>, a query that reads a bulletin's stored total along with what it is for (the article
    /// page reads it with the bulletin's own row), and keeps that total as <see cref="ArticleViewsAsync"/> would, under
    /// the same protocol: the figure on the page then costs no second read. Null from the read keeps nothing.
    /// </summary>
    public async Task<T> ReadAlongWithArticleViewsAsync<T>(
        int articleId, Func<CancellationToken, Task<(T Result, long? StoredViews)>> read, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        long before;
        lock (_lock)
        {
            before = _writeSequence;
        }

        var (result, stored) = await read(cancellationToken);
        if (stored is { } views)
        {
            lock (_lock)
            {
                if (before == _writeSequence && before % 2 == 0)
                {
                    KeepArticleViews(articleId, views, now);
                }
            }
        }

        return result;
    }

    /// <summary>Under the lock: a total read consistently becomes the kept one.</summary>
    private void KeepArticleViews(int articleId, long stored, long readAtTicks)
    {
        if (_articleViews.Count >= MaxArticlesKept)
        {
            _articleViews.Clear();
        }

        _articleViews[articleId] = new Kept(stored, readAtTicks);
    }

    /// <summary>"SỐ LƯỢT TRUY CẬP": the stored total (with its imported start) plus unwritten visits.</summary>
    public async ValueTask<long> VisitsAsync(Func<CancellationToken, Task<long>> readStored, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (_visits is { } kept && IsFresh(kept, now))
            {
                return kept.Total + pending.UnwrittenVisits();
            }
        }

        return await ReadConsistentlyAsync(readStored, stored => _visits = new Kept(stored, now), pending.UnwrittenVisits, cancellationToken);
    }

    /// <summary>A batch taken from <see cref="PendingCounts"/> is about to be written: totals read from now on are not kept.</summary>
    public void BeginWrite()
    {
        lock (_lock)
        {
            if (_writeSequence % 2 != 0)
            {
                throw new InvalidOperationException("A batch is already being written; the caller writes one at a time.");
            }

            _writeSequence++;
        }
    }

    /// <summary>The batch is committed: it joins the kept totals and leaves the unwritten counts in one step, exactly once.</summary>
    public void BatchWritten(CountBuffer batch)
    {
        lock (_lock)
        {
            if (_visits is { } visits)
            {
                _visits = visits with { Total = visits.Total + batch.Visits };
            }

            foreach (var (id, views) in batch.ArticleViews)
            {
                if (_articleViews.TryGetValue(id, out var kept))
                {
                    _articleViews[id] = kept with { Total = kept.Total + views };
                }
            }

            pending.MarkWritten(batch);
            _writeSequence++;
        }
    }

    /// <summary>The batch was rolled back: its counts go back to <see cref="PendingCounts"/> for the next batch.</summary>
    public void BatchFailed(CountBuffer batch)
    {
        lock (_lock)
        {
            pending.PutBack(batch);
            _writeSequence++;
        }
    }

    /// <summary>
    /// Forgets every kept total, e.g. after an import moved imported views or the counter's start. The sequence moves
    /// on by two (still even), so a read begun before this is not kept either.
    /// </summary>
    public void Forget()
    {
        lock (_lock)
        {
            _articleViews.Clear();
            _visits = null;
            _writeSequence += 2;
        }
    }

    private static bool IsFresh(Kept kept, long nowTicks) => nowTicks - kept.ReadAtTicks < Lifetime.Ticks;

    /// <summary>
    /// Reads a stored total and keeps it (with <paramref name="keep"/>, under the lock) only if no batch was written and
    /// nothing was forgotten meanwhile. Tries a few times; a value that cannot be kept is still right to show within
    /// one batch. Returns the value plus <paramref name="unwritten"/>, taken under the same lock.
    /// </summary>
    private async ValueTask<long> ReadConsistentlyAsync(
        Func<CancellationToken, Task<long>> read, Action<long> keep, Func<long> unwritten, CancellationToken cancellationToken)
    {
        long value = 0;
        for (var attempt = 0; attempt < ReadAttempts; attempt++)
        {
            long before;
            lock (_lock)
            {
                before = _writeSequence;
            }

            value = await read(cancellationToken);
            lock (_lock)
            {
                if (before == _writeSequence && before % 2 == 0)
                {
                    keep(value);
                    return value + unwritten();
                }
            }
        }

        lock (_lock)
        {
            return value + unwritten();
        }
    }

    private readonly record struct Kept(long Total, long ReadAtTicks);
}
