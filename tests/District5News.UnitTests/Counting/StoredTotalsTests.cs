using District5News.Web.Features.Counting;

namespace District5News.UnitTests.Counting;

/// <summary>
/// The kept totals against a stand-in for the database (<see cref="FakeStore"/>) whose reads can be made to cross a
/// batch write, the case the write sequence exists for.
/// </summary>
public sealed class StoredTotalsTests
{
    private const int Bulletin = 7;
    private static readonly DateOnly Today = new(2026, 11, 20);

    private readonly PendingCounts _pending = new();
    private readonly ManualClock _clock = new();
    private readonly FakeStore _store = new();
    private readonly StoredTotals _totals;

    public StoredTotalsTests() => _totals = new StoredTotals(_pending, _clock);

    [Fact]
    public async Task ArticleViews_ReadThatCrossesAWrite_IsNotKept()
    {
        _store.ArticleViews = 10;
        RecordViews(2);
        var batch = _pending.TakeBatch()!;
        // The read sees the database before the commit, and the batch is committed and accounted before it returns:
        // kept, the 10 would miss the batch for good.
        _store.DuringNextRead = () =>
        {
            _totals.BeginWrite();
            _store.ArticleViews += 2;
            _totals.BatchWritten(batch);
        };

        var shown = await ArticleViewsAsync();
        var again = await ArticleViewsAsync();

        Assert.Equal(12, shown);
        Assert.Equal(12, again);
        Assert.Equal(2, _store.Reads); // the crossed read, then one clean read that is kept
    }

    [Fact]
    public async Task ArticleViews_ReadWhileABatchIsBeingWritten_IsShownButNotKept()
    {
        _store.ArticleViews = 10;
        RecordViews(2);
        var batch = _pending.TakeBatch()!;
        _totals.BeginWrite();

        var during = await ArticleViewsAsync();
        var readsDuring = _store.Reads;
        _store.ArticleViews += 2;
        _totals.BatchWritten(batch);
        var after = await ArticleViewsAsync();

        Assert.Equal(12, during);
        Assert.Equal(12, after);
        Assert.True(_store.Reads > readsDuring, "The total read during the write was kept");
    }

    [Fact]
    public async Task ArticleViews_Kept_MovesForwardWithOwnBatchesWithoutReading()
    {
        _store.ArticleViews = 10;
        Assert.Equal(10, await ArticleViewsAsync());
        RecordViews(3);
        Assert.Equal(13, await ArticleViewsAsync());

        WriteBatch();

        Assert.Equal(13, await ArticleViewsAsync());
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task ArticleViews_FailedBatch_StillShownAsUnwritten()
    {
        _store.ArticleViews = 10;
        await ArticleViewsAsync();
        RecordViews(3);
        var batch = _pending.TakeBatch()!;
        _totals.BeginWrite();

        _totals.BatchFailed(batch);

        Assert.Equal(13, await ArticleViewsAsync());
        Assert.Equal(3, _pending.UnwrittenArticleViews(Bulletin));
    }

    [Fact]
    public async Task ArticleViews_AfterLifetime_ReadAgainToTakeInOtherInstances()
    {
        _store.ArticleViews = 10;
        await ArticleViewsAsync();
        _store.ArticleViews = 25; // another instance wrote 15

        _clock.Advance(StoredTotals.Lifetime - TimeSpan.FromSeconds(1));
        var withinLifetime = await ArticleViewsAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var afterLifetime = await ArticleViewsAsync();

        Assert.Equal(10, withinLifetime);
        Assert.Equal(25, afterLifetime);
    }

    [Fact]
    public async Task Forget_KeptTotalsAreReadAgain()
    {
        _store.ArticleViews = 10;
        _store.Visits = 100;
        await ArticleViewsAsync();
        await VisitsAsync();
        _store.ArticleViews = 500; // an import set imported views
        _store.Visits = 2_000;

        _totals.Forget();

        Assert.Equal(500, await ArticleViewsAsync());
        Assert.Equal(2_000, await VisitsAsync());
    }

    [Fact]
    public async Task Forget_DuringARead_ThatReadIsNotKept()
    {
        _store.ArticleViews = 10;
        _store.DuringNextRead = () =>
        {
            _store.ArticleViews = 500;
            _totals.Forget();
        };

        await ArticleViewsAsync(); // read 10, then the import: not kept, read again
        var after = await ArticleViewsAsync();

        Assert.Equal(500, after);
    }

    [Fact]
    public async Task Visits_ReadThatCrossesAWrite_IsNotKept()
    {
        _store.Visits = 100;
        _pending.RecordPageView(Today, newVisit: true);
        var batch = _pending.TakeBatch()!;
        _store.DuringNextRead = () =>
        {
            _totals.BeginWrite();
            _store.Visits += 1;
            _totals.BatchWritten(batch);
        };

        Assert.Equal(101, await VisitsAsync());
        Assert.Equal(101, await VisitsAsync());
        _pending.RecordPageView(Today, newVisit: true);
        Assert.Equal(102, await VisitsAsync());
    }

    [Fact]
    public void BeginWrite_WhileABatchIsBeingWritten_Throws()
    {
        _totals.BeginWrite();

        Assert.Throws<InvalidOperationException>(_totals.BeginWrite);
    }

    private void RecordViews(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _pending.RecordArticleView(Bulletin, Today);
        }
    }

    private void WriteBatch()
    {
        var batch = _pending.TakeBatch()!;
        _totals.BeginWrite();
        _store.ArticleViews += batch.ArticleViews.GetValueOrDefault(Bulletin);
        _store.Visits += batch.Visits;
        _totals.BatchWritten(batch);
    }

    private ValueTask<long> ArticleViewsAsync() => _totals.ArticleViewsAsync(Bulletin, _store.ReadArticleViewsAsync);

    private ValueTask<long> VisitsAsync() => _totals.VisitsAsync(_store.ReadVisitsAsync);

    /// <summary>The stored totals, with a hook that runs after a read took its value and before it returns.</summary>
    private sealed class FakeStore
    {
        public long ArticleViews { get; set; }

        public long Visits { get; set; }

        public int Reads { get; private set; }

        public Action? DuringNextRead { get; set; }

        public async Task<long> ReadArticleViewsAsync(int articleId, CancellationToken cancellationToken)
        {
            Assert.Equal(Bulletin, articleId);
            return await ReadAsync(ArticleViews);
        }

        public Task<long> ReadVisitsAsync(CancellationToken cancellationToken) => ReadAsync(Visits);

        private async Task<long> ReadAsync(long value)
        {
            Reads++;
            await Task.Yield();
            var hook = DuringNextRead;
            DuringNextRead = null;
            hook?.Invoke();
            return value;
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
