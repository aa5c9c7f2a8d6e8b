namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts recorded in memory and not yet in the database: the buffer that takes new counts, and the one batch being
/// written. A batch whose write failed is put back, so nothing counted is lost while the database refuses writes.
/// Thread-safe; recording takes only this lock, so a page view never waits for the database.
/// </summary>
public sealed class PendingCounts
{
    private readonly Lock _lock = new();
    private CountBuffer _pending = new();
    private CountBuffer? _inFlight;

    /// <summary>Adds a page view on <paramref name="day"/>, and a visit when it starts one.</summary>
    public void RecordPageView(DateOnly day, bool newVisit)
    {
        lock (_lock)
        {
            var counts = _pending.Day(day);
            counts.PageViews++;
            if (newVisit)
            {
                counts.Visits++;
                _pending.Visits++;
            }
        }
    }

    /// <summary>Adds a view of a bulletin on <paramref name="day"/>.</summary>
    public void RecordArticleView(int articleId, DateOnly day)
    {
        lock (_lock)
        {
            _pending.Day(day).ArticleViews++;
            _pending.ArticleViews[articleId] = _pending.ArticleViews.GetValueOrDefault(articleId) + 1;
            _pending.ArticleDayViews[(articleId, day)] = _pending.ArticleDayViews.GetValueOrDefault((articleId, day)) + 1;
        }
    }

    /// <summary>
    /// Everything recorded so far, as the batch to write (null when there is nothing). Until <see cref="MarkWritten"/>
    /// or <see cref="PutBack"/> it still counts as unwritten, so shown figures do not dip while it is written.
    /// </summary>
    public CountBuffer? TakeBatch()
    {
        lock (_lock)
        {
            if (_inFlight is not null)
            {
                throw new InvalidOperationException("A batch is already being written; the caller writes one at a time.");
            }

            if (_pending.IsEmpty)
            {
                return null;
            }

            _inFlight = _pending;
            _pending = new CountBuffer();
            return _inFlight;
        }
    }

    /// <summary>The batch is in the database now: it stops counting as unwritten.</summary>
    public void MarkWritten(CountBuffer batch)
    {
        lock (_lock)
        {
            EndBatch(batch);
        }
    }

    /// <summary>The batch's write was rolled back: its counts join what was recorded meanwhile, for the next batch.</summary>
    public void PutBack(CountBuffer batch)
    {
        lock (_lock)
        {
            EndBatch(batch);
            _pending.Merge(batch);
        }
    }

    /// <summary>Visits not yet in the database (buffered and being written).</summary>
    public long UnwrittenVisits()
    {
        lock (_lock)
        {
            return _pending.Visits + (_inFlight?.Visits ?? 0);
        }
    }

    /// <summary>Views of a bulletin not yet in the database (buffered and being written).</summary>
    public long UnwrittenArticleViews(int articleId)
    {
        lock (_lock)
        {
            return _pending.ArticleViews.GetValueOrDefault(articleId) + (_inFlight?.ArticleViews.GetValueOrDefault(articleId) ?? 0);
        }
    }

    /// <summary>What is counted but not yet written: visits, page views and bulletin views (e.g. to report what a failed last flush leaves).</summary>
    public (long Visits, long PageViews, long ArticleViews) Unwritten()
    {
        lock (_lock)
        {
            var days = _pending.Days.Values.Concat(_inFlight?.Days.Values.AsEnumerable() ?? []).ToList();
            return (days.Sum(d => d.Visits), days.Sum(d => d.PageViews), days.Sum(d => d.ArticleViews));
        }
    }

    private void EndBatch(CountBuffer batch)
    {
        if (!ReferenceEquals(batch, _inFlight))
        {
            throw new InvalidOperationException("This batch is not the one being written.");
        }

        _inFlight = null;
    }
}
