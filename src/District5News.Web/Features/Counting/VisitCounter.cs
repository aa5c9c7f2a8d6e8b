using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace District5News.Web.Features.Counting;

/// <summary>
/// Counts visits, page views and bulletin views in memory and writes them in batches as relative increments
/// (Views = Views + delta), so a page view costs no database write and several instances can share one database.
/// Shown figures are the stored ones plus what is still waiting in memory, so they are exact at every moment.
/// A bulletin's stored total is read once and then kept in memory, moved forward by this instance's own flushes,
/// so cached pages can show it without a query; it is read again after <see cref="StoredViewsLifetime"/> to take
/// in what other instances flushed.
/// </summary>
public sealed class VisitCounter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<VisitCounter> logger)
    : IPublicContentChangeHandler, IDisposable
{
    /// <summary>How long stored totals kept in memory are trusted before being read again (other instances add to them).</summary>
    public static readonly TimeSpan StoredViewsLifetime = TimeSpan.FromMinutes(1);
    private const int MaxStoredViewsKept = 200_000;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly Dictionary<int, StoredViews> _storedViews = [];
    private CountBuffer _pending = new();
    private CountBuffer? _inFlight;
    private long? _storedVisits;
    private long _storedVisitsReadAtTicks;

    // Odd while a batch is being written: a stored total read across a write could hold that batch or not.
    private long _writeSequence;

    // Failed flushes in a row (under _flushGate): the first one of an outage is logged as an error, the end of it as news.
    private int _failedFlushes;

    public void Dispose() => _flushGate.Dispose();

    /// <summary>Adds a page view, and a visit when it starts one.</summary>
    public void RecordPageView(bool newVisit)
    {
        var day = VietnamTime.Today(clock);
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

    /// <summary>Views of a bulletin not yet written to the database; call under the lock.</summary>
    private long UnwrittenArticleViews(int articleId) =>
        _pending.ArticleViews.GetValueOrDefault(articleId) + (_inFlight?.ArticleViews.GetValueOrDefault(articleId) ?? 0);

    /// <summary>
    /// "Số lượt người xem": imported plus counted views of a bulletin, including views not yet written. Usually
    /// answered from memory; the first call for a bulletin (and one a minute later) reads its stored total.
    /// </summary>
    public async ValueTask<long> GetArticleViewsAsync(int articleId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (_storedViews.TryGetValue(articleId, out var known) && now - known.ReadAtTicks < StoredViewsLifetime.Ticks)
            {
                return known.Total + _pending.ArticleViews.GetValueOrDefault(articleId) + (_inFlight?.ArticleViews.GetValueOrDefault(articleId) ?? 0);
            }
        }

        var stored = await ReadConsistentlyAsync(ct => ReadStoredArticleViewsAsync(articleId, ct), cancellationToken);
        lock (_lock)
        {
            if (stored.Consistent)
            {
                if (_storedViews.Count >= MaxStoredViewsKept)
                {
                    _storedViews.Clear();
                }

                _storedViews[articleId] = new StoredViews(stored.Value, now);
            }

            return stored.Value + _pending.ArticleViews.GetValueOrDefault(articleId) + (_inFlight?.ArticleViews.GetValueOrDefault(articleId) ?? 0);
        }
    }

    /// <summary>
    /// A content change may have moved stored totals behind this instance's back (an import sets imported views and
    /// the counter's starting value): read them again.
    /// </summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        ForgetStoredArticleViews();
        InvalidateStoredTotal();
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets the stored bulletin totals kept in memory, e.g. after an import changed imported views.</summary>
    public void ForgetStoredArticleViews()
    {
        lock (_lock)
        {
            _storedViews.Clear();
        }
    }

    /// <summary>"SỐ LƯỢT TRUY CẬP": the stored total (with its imported start) plus visits not yet written.</summary>
    public async Task<long> GetTotalVisitsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (_storedVisits is { } known && now - _storedVisitsReadAtTicks < StoredViewsLifetime.Ticks)
            {
                return known + _pending.Visits + (_inFlight?.Visits ?? 0);
            }
        }

        var stored = await ReadConsistentlyAsync(ReadStoredVisitsAsync, cancellationToken);
        lock (_lock)
        {
            if (stored.Consistent)
            {
                _storedVisits = stored.Value;
                _storedVisitsReadAtTicks = now;
            }

            return stored.Value + _pending.Visits + (_inFlight?.Visits ?? 0);
        }
    }

    /// <summary>Forgets the cached stored total, e.g. after an import moved the counter's starting value.</summary>
    public void InvalidateStoredTotal()
    {
        lock (_lock)
        {
            _storedVisits = null;
        }
    }

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
                _writeSequence++;
            }

            try
            {
                await WriteAsync(batch, cancellationToken);
            }
            catch (Exception ex)
            {
                // The transaction was rolled back: the batch goes back to be written with the next one.
                if (_failedFlushes++ == 0)
                {
                    logger.LogError(ex, "Writing counts failed; they are kept in memory and written when the database takes writes again");
                }
                else
                {
                    logger.LogDebug(ex, "Writing counts failed again ({Failures} times in a row)", _failedFlushes);
                }

                lock (_lock)
                {
                    _pending.Merge(batch);
                    _inFlight = null;
                    _writeSequence++;
                }

                throw;
            }

            if (_failedFlushes > 0)
            {
                logger.LogWarning("Counts written again after {Failures} failed attempts; nothing was lost", _failedFlushes);
                _failedFlushes = 0;
            }

            lock (_lock)
            {
                // The batch is now part of the stored totals kept in memory, exactly once.
                _inFlight = null;
                if (_storedVisits is { } visits)
                {
                    _storedVisits = visits + batch.Visits;
                }

                foreach (var (id, views) in batch.ArticleViews)
                {
                    if (_storedViews.TryGetValue(id, out var known))
                    {
                        _storedViews[id] = known with { Total = known.Total + views };
                    }
                }

                _writeSequence++;
            }
        }
        finally
        {
            _flushGate.Release();
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

    /// <summary>
    /// Reads a stored total and says whether it can be kept: not if a batch was being written meanwhile, since the
    /// value may then hold that batch or not. Tries a few times; a value that cannot be kept is still right to show
    /// within one batch.
    /// </summary>
    private async Task<(long Value, bool Consistent)> ReadConsistentlyAsync(
        Func<CancellationToken, Task<long>> read, CancellationToken cancellationToken)
    {
        long value = 0;
        for (var attempt = 0; attempt < 3; attempt++)
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
                    return (value, true);
                }
            }
        }

        return (value, false);
    }

    private async Task<long> ReadStoredArticleViewsAsync(int articleId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => a.ImportedViews + a.Views).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<long> ReadStoredVisitsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.SiteCounters.AsNoTracking().Where(s => s.Id == SiteCounter.SingletonId)
            .Select(s => s.StartingVisits + s.Visits).FirstOrDefaultAsync(cancellationToken);
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

        // One reused command per statement: a busy minute touches thousands of bulletins, and building an EF
        // ExecuteUpdate for each would make the flush itself take seconds (and a crash lose those seconds).
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using (var addViews = Command(connection, dbTransaction, """UPDATE "Articles" SET "Views" = "Views" + @views WHERE "Id" = @id""", "@views", "@id"))
        {
            foreach (var (id, views) in batch.ArticleViews)
            {
                addViews.Parameters[0].Value = views;
                addViews.Parameters[1].Value = id;
                await addViews.ExecuteNonQueryAsync(cancellationToken);
            }
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
        await using (var addDayViews = Command(connection, dbTransaction,
            """UPDATE "ArticleDailyViews" SET "Views" = "Views" + @views WHERE "ArticleId" = @id AND "Date" = @date""", "@views", "@id", "@date"))
        await using (var insertDayViews = Command(connection, dbTransaction,
            """INSERT INTO "ArticleDailyViews" ("ArticleId", "Date", "Views") VALUES (@id, @date, @views)""", "@views", "@id", "@date"))
        {
            foreach (var ((id, day), views) in batch.ArticleDayViews)
            {
                if (!existingArticles.Contains(id))
                {
                    continue; // deleted for good between the view and the flush
                }

                SetDayViews(addDayViews, views, id, day);
                if (await addDayViews.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    SetDayViews(insertDayViews, views, id, day);
                    await insertDayViews.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static System.Data.Common.DbCommand Command(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void SetDayViews(System.Data.Common.DbCommand command, long views, int id, DateOnly day)
    {
        command.Parameters[0].Value = views;
        command.Parameters[1].Value = id;
        command.Parameters[2].Value = day;
    }
}

internal readonly record struct StoredViews(long Total, long ReadAtTicks);
