using District5News.Web.Features.Counting;

namespace District5News.UnitTests.Counting;

public sealed class PendingCountsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Tuesday = new(2026, 11, 17);

    private readonly PendingCounts _pending = new();

    [Fact]
    public void TakeBatch_AfterRecording_HoldsEveryCountByDayAndBulletin()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordPageView(Monday, newVisit: false);
        _pending.RecordPageView(Tuesday, newVisit: true);
        _pending.RecordArticleView(7, Monday);
        _pending.RecordArticleView(7, Tuesday);
        _pending.RecordArticleView(9, Tuesday);

        var batch = _pending.TakeBatch();

        Assert.NotNull(batch);
        Assert.Equal(2, batch.Visits);
        Assert.Equal((1L, 2L, 1L), (batch.Days[Monday].Visits, batch.Days[Monday].PageViews, batch.Days[Monday].ArticleViews));
        Assert.Equal((1L, 1L, 2L), (batch.Days[Tuesday].Visits, batch.Days[Tuesday].PageViews, batch.Days[Tuesday].ArticleViews));
        Assert.Equal(new Dictionary<int, long> { [7] = 2, [9] = 1 }, batch.ArticleViews);
        Assert.Equal(
            new Dictionary<(int, DateOnly), long> { [(7, Monday)] = 1, [(7, Tuesday)] = 1, [(9, Tuesday)] = 1 },
            batch.ArticleDayViews);
    }

    [Fact]
    public void TakeBatch_NothingRecorded_IsNull() => Assert.Null(_pending.TakeBatch());

    [Fact]
    public void TakeBatch_AfterBatchWritten_HoldsOnlyLaterCounts()
    {
        _pending.RecordArticleView(7, Monday);
        _pending.MarkWritten(_pending.TakeBatch()!);
        _pending.RecordArticleView(9, Monday);

        var second = _pending.TakeBatch();

        Assert.NotNull(second);
        Assert.Equal([9], second.ArticleViews.Keys);
        Assert.Equal(1, second.Days[Monday].ArticleViews);
    }

    [Fact]
    public void TakeBatch_WhileABatchIsBeingWritten_Throws()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.TakeBatch();
        _pending.RecordPageView(Monday, newVisit: true);

        Assert.Throws<InvalidOperationException>(() => _pending.TakeBatch());
    }

    [Fact]
    public void Unwritten_WhileABatchIsBeingWritten_CountsTheBatchAndWhatCameAfter()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordArticleView(7, Monday);
        var batch = _pending.TakeBatch()!;
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordArticleView(7, Monday);

        Assert.Equal(2, _pending.UnwrittenVisits());
        Assert.Equal(2, _pending.UnwrittenArticleViews(7));
        Assert.Equal((2L, 2L, 2L), _pending.Unwritten());

        _pending.MarkWritten(batch);

        Assert.Equal(1, _pending.UnwrittenVisits());
        Assert.Equal(1, _pending.UnwrittenArticleViews(7));
        Assert.Equal((1L, 1L, 1L), _pending.Unwritten());
    }

    [Fact]
    public void PutBack_FailedBatch_MergesWithCountsRecordedMeanwhile()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.RecordArticleView(7, Monday);
        var failed = _pending.TakeBatch()!;
        _pending.RecordPageView(Monday, newVisit: false);
        _pending.RecordPageView(Tuesday, newVisit: true);
        _pending.RecordArticleView(7, Monday);
        _pending.RecordArticleView(7, Tuesday);

        _pending.PutBack(failed);
        var next = _pending.TakeBatch();

        Assert.NotNull(next);
        Assert.Equal(2, next.Visits);
        Assert.Equal((1L, 2L, 2L), (next.Days[Monday].Visits, next.Days[Monday].PageViews, next.Days[Monday].ArticleViews));
        Assert.Equal((1L, 1L, 1L), (next.Days[Tuesday].Visits, next.Days[Tuesday].PageViews, next.Days[Tuesday].ArticleViews));
        Assert.Equal(3, next.ArticleViews[7]);
        Assert.Equal(new Dictionary<(int, DateOnly), long> { [(7, Monday)] = 2, [(7, Tuesday)] = 1 }, next.ArticleDayViews);
        Assert.Equal(3, _pending.UnwrittenArticleViews(7)); // counted once, not once in the batch and again put back
    }

    [Fact]
    public void MarkWritten_ABatchNotBeingWritten_Throws()
    {
        _pending.RecordPageView(Monday, newVisit: true);
        _pending.TakeBatch();

        Assert.Throws<InvalidOperationException>(() => _pending.MarkWritten(new CountBuffer()));
    }
}
