using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts visits, page views and bulletin views in memory and writes them in batches as relative increments
/// (Views = Views + delta), so a page view costs no database write and several instances can share one database.
/// Shown figures are the stored ones plus what is still waiting in memory, so they are exact at every moment.
/// </summary>
public sealed class VisitCounter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<VisitCounter> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private CountBuffer _pending = new();
    private CountBuffer? _inFlight;
    private long? _storedVisits;

    public void Dispose() => _flushGate.Dispose();

    /// <summary>Adds a page view (and a visit when it starts one); a delta of -1 takes back one recorded too early.</summary>
    public void RecordPageView(bool newVisit, int delta = 1)
    {
        var day = VietnamTime.Today(clock);
        lock (_lock)
        {
            var counts = _pending.Day(day);
            counts.PageViews += delta;
            if (newVisit)
            {
                counts.Visits += delta;
                _pending.Visits += delta;
            }
        }
    }

    public void RecordArticleView(int articleId)
    {
        var day = VietnamTime.Today(clock);
        lock (_lock)
        {
            _pending.Day(day).ArticleViews++;
            _pending.ArticleViews[articleId] = _pending.ArticleViews.GetValueOrDefault(articleId) + 1;
            _pending.ArticleDayViews[(articleId, day)] = _pending.ArticleDayViews.GetValueOrDefault((articleId, day)) + 1;
        }
    }

    /// <summary>Views of a bulletin not yet written to the database.</summary>
    public long PendingArticleViews(int articleId)
    {
        lock (_lock)
        {
            return _pending.ArticleViews.GetValueOrDefault(articleId) + (_inFlight?.ArticleViews.GetValueOrDefault(articleId) ?? 0);
        }
    }

    /// <summary>"SỐ LƯỢT TRUY CẬP": the stored total (with its imported start) plus visits not yet written.</summary>
    public async Task<long> GetTotalVisitsAsync(CancellationToken cancellationToken = default)
    {
        var stored = _storedVisits ?? await ReadStoredVisitsAsync(cancellationToken);
        lock (_lock)
        {
            return stored + _pending.Visits + (_inFlight?.Visits ?? 0);
        }
    }

    /// <summary>Forgets the cached stored total, e.g. after an import moved the counter's starting value.</summary>
    public void InvalidateStoredTotal() => _storedVisits = null;

    /// <summary>Writes everything counted so far. Safe to call concurrently; a failed write keeps the counts for the next try.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushGate.WaitAsync(cancellationToken);
        try
        {
            CountBuffer batch;
            lock (_lock)
            {
                if (_pending.IsEmpty)
                {
                    return;
                }

                batch = _pending;
                _inFlight = batch;
                _pending = new CountBuffer();
            }

            try
            {
                await WriteAsync(batch, cancellationToken);
                var stored = await ReadStoredVisitsAsync(cancellationToken);
                lock (_lock)
                {
                    _storedVisits = stored;
                    _inFlight = null;
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Writing counts failed; they are kept for the next flush");
                lock (_lock)
                {
                    _pending.Merge(batch);
                    _inFlight = null;
                }

                throw;
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private async Task<long> ReadStoredVisitsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var total = await db.SiteCounters.AsNoTracking().Where(s => s.Id == SiteCounter.SingletonId)
            .Select(s => s.StartingVisits + s.Visits).FirstOrDefaultAsync(cancellationToken);
        _storedVisits = total;
        return total;
    }

    private async Task WriteAsync(CountBuffer batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        // One transaction per batch: either the whole batch is added or none of it, so a retry cannot double-count.
        // Counts are only ever added as deltas, never read-modify-written, so other instances' counts survive.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (batch.Visits != 0)
        {
            await db.SiteCounters.Where(s => s.Id == SiteCounter.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, c => c.Visits + batch.Visits), cancellationToken);
        }

        foreach (var (id, views) in batch.ArticleViews)
        {
            await db.Articles.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + views), cancellationToken);
        }

        foreach (var (day, counts) in batch.Days)
        {
            var updated = await db.DailyStats.Where(d => d.Date == day).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Visits, d => d.Visits + counts.Visits)
                    .SetProperty(d => d.PageViews, d => d.PageViews + counts.PageViews)
                    .SetProperty(d => d.ArticleViews, d => d.ArticleViews + counts.ArticleViews),
                cancellationToken);
            if (updated == 0)
            {
                db.DailyStats.Add(new DailyStat
                {
                    Date = day, Visits = counts.Visits, PageViews = counts.PageViews, ArticleViews = counts.ArticleViews,
                });
            }
        }

        var existingArticles = batch.ArticleDayViews.Count == 0
            ? []
            : await db.Articles.Where(a => batch.ArticleViews.Keys.Contains(a.Id)).Select(a => a.Id).ToHashSetAsync(cancellationToken);
        foreach (var ((id, day), views) in batch.ArticleDayViews)
        {
            if (!existingArticles.Contains(id))
            {
                continue; // deleted for good between the view and the flush
            }

            var updated = await db.ArticleDailyViews.Where(v => v.ArticleId == id && v.Date == day)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Views, v => v.Views + views), cancellationToken);
            if (updated == 0)
            {
                db.ArticleDailyViews.Add(new ArticleDailyView { ArticleId = id, Date = day, Views = views });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
