using District5News.Web.Features.Counting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Counting;

/// <summary>The batch writer's raw SQL and its transaction, on a real SQLite file.</summary>
public sealed class CountWriterTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Tuesday = new(2026, 11, 17);
    private static readonly DateOnly Wednesday = new(2026, 11, 18);

    private readonly CountingDatabase _db = new();
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

    private CountBuffer TakeBatch()
    {
        var batch = _pending.TakeBatch()!;
        _pending.MarkWritten(batch); // the writer is tested alone: the buffer only supplies batches
        return batch;
    }
}
