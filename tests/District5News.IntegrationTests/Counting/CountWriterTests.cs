using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Counting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Counting;

/// <summary>
/// The batch writer's raw SQL and its transaction, on a real SQLite file and on PostgreSQL (where the bulletins' counts
/// go in as arrays, two statements per batch).
/// </summary>
public abstract class CountWriterTests(bool onPostgreSql) : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Tuesday = new(2026, 11, 17);
    private static readonly DateOnly Wednesday = new(2026, 11, 18);

    private readonly CountingDatabase _db = new(onPostgreSql);
    private readonly PendingCounts _pending = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private CountWriter Writer => new(_db.Scopes);

    [Fact]
    public async Task WriteAsync_TwoBatches_AddEachCountExactlyOnce()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordPageView(Monday, newVisit: false);
        _pending.RecordArticleView(_db.First, Monday);
        _pending.RecordArticleView(_db.Second, Monday);
        await Writer.WriteAsync(TakeBatch());
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordPageView(Tuesday, newVisit: true);
        _pending.RecordArticleView(_db.First, Monday);
        _pending.RecordArticleView(_db.First, Tuesday);

        await Writer.WriteAsync(TakeBatch());

        Assert.Equal(
            new StoredCounts(
                3,
                $"{_db.First}:300+3 {_db.Second}:0+1",
                "2026-11-16:2/3/3 2026-11-17:1/1/1",
                $"{_db.First}@2026-11-16:2 {_db.First}@2026-11-17:1 {_db.Second}@2026-11-16:1"),
            await _db.CountsAsync());
    }

    [Fact]
    public async Task WriteAsync_LastStatementRefused_RollsBackTheWholeBatch_ThenItsRetryAddsItOnce()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordArticleView(_db.First, Monday);
        await Writer.WriteAsync(TakeBatch());
        var before = await _db.CountsAsync();
        // Every kind of statement, updates of existing rows and inserts, ending with a new day's row: the insert
        // the writer makes last (at SaveChanges) is refused.
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordArticleView(_db.First, Monday);
        _pending.RecordArticleView(_db.Second, Tuesday);
        _pending.RecordPageView(Wednesday, newVisit: true);
        var batch = TakeBatch();
        await _db.RefuseInsertsIntoAsync("DailyStats");

        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => Writer.WriteAsync(batch));

        Assert.Contains("refused by the test", refused.GetBaseException().Message, StringComparison.Ordinal);
        Assert.Equal(before, await _db.CountsAsync());

        await _db.AcceptAgainAsync("DailyStats");
        await Writer.WriteAsync(batch);

        Assert.Equal(
            new StoredCounts(
                3,
                $"{_db.First}:300+2 {_db.Second}:0+1",
                "2026-11-16:2/2/2 2026-11-17:0/0/1 2026-11-18:1/1/0",
                $"{_db.First}@2026-11-16:2 {_db.Second}@2026-11-17:1"),
            await _db.CountsAsync());
    }

    [Fact]
    public async Task WriteAsync_FirstStatementRefused_WritesNothing()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordArticleView(_db.First, Monday);
        var before = await _db.CountsAsync();
        await _db.RefuseUpdatesOfAsync("SiteCounters");

        await Assert.ThrowsAnyAsync<Exception>(() => Writer.WriteAsync(TakeBatch()));

        Assert.Equal(before, await _db.CountsAsync());
    }

    [Fact]
    public async Task WriteAsync_BulletinDeletedBeforeTheFlush_WritesTheRest()
    {
        _pending.RecordArticleView(_db.First, Monday);
        _pending.RecordArticleView(_db.Second, Monday);
        await _db.WithDbAsync(db => db.Articles.Where(a => a.Id == _db.Second).ExecuteDeleteAsync());

        await Writer.WriteAsync(TakeBatch());

        Assert.Equal(
            new StoredCounts(0, $"{_db.First}:300+1", "2026-11-16:0/0/2", $"{_db.First}@2026-11-16:1"),
            await _db.CountsAsync());
    }

    [Fact]
    public async Task WriteAsync_ManyBulletinsOverSeveralDays_AddsEachOnesViewsToItsOwnRows()
    {
        var ids = new List<int>();
        await _db.WithDbAsync(async db =>
        {
            for (var i = 0; i < 40; i++)
            {
                ids.Add((await TestArticles.AddAsync(db, $"Bản tin số {i} của khu phố", new DateTime(2026, 11, 10, 8, 0, 0).AddHours(i))).Id);
            }
        });
        // Bulletin i is viewed i + 1 times on Monday; the even ones once more on Tuesday, in a second batch that
        // meets rows the first one created.
        for (var i = 0; i < ids.Count; i++)
        {
            for (var n = 0; n <= i; n++)
            {
                _pending.RecordArticleView(ids[i], Monday);
            }
        }

        await Writer.WriteAsync(TakeBatch());
        for (var i = 0; i < ids.Count; i += 2)
        {
            _pending.RecordArticleView(ids[i], Monday);
            _pending.RecordArticleView(ids[i], Tuesday);
        }

        await Writer.WriteAsync(TakeBatch());

        var (views, dayViews) = await _db.WithDbAsync(async db => (
            await db.Articles.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Views),
            await db.ArticleDailyViews.Where(v => ids.Contains(v.ArticleId)).ToDictionaryAsync(v => (v.ArticleId, v.Date), v => v.Views)));
        for (var i = 0; i < ids.Count; i++)
        {
            var even = i % 2 == 0;
            Assert.Equal(i + 1 + (even ? 2 : 0), views[ids[i]]);
            Assert.Equal(i + 1 + (even ? 1 : 0), dayViews[(ids[i], Monday)]);
            Assert.Equal<long?>(even ? 1 : null, dayViews.TryGetValue((ids[i], Tuesday), out var tuesday) ? tuesday : null);
        }

        Assert.Equal(ids.Count + (ids.Count / 2), dayViews.Count);
    }

    private CountBuffer TakeBatch()
    {
        var batch = _pending.TakeBatch()!;
        _pending.MarkWritten(batch); // the writer is tested alone: the buffer only supplies batches
        return batch;
    }

    public sealed class OnSqlite() : CountWriterTests(onPostgreSql: false);

    public sealed class OnPostgreSql() : CountWriterTests(onPostgreSql: true);
}
