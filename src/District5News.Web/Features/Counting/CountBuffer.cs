namespace District5News.Web.Features.Counting;

/// <summary>Counts gathered in memory between two flushes. Not thread-safe by itself: <see cref="PendingCounts"/> locks around it.</summary>
public sealed class CountBuffer
{
    public long Visits { get; set; }

    public Dictionary<DateOnly, DayCounts> Days { get; } = [];

    public Dictionary<int, long> ArticleViews { get; } = [];

    public Dictionary<(int ArticleId, DateOnly Day), long> ArticleDayViews { get; } = [];

    public bool IsEmpty => Days.Count == 0 && ArticleViews.Count == 0;

    public DayCounts Day(DateOnly day)
    {
        if (!Days.TryGetValue(day, out var counts))
        {
            counts = new DayCounts();
            Days[day] = counts;
        }

        return counts;
    }

    /// <summary>Adds another buffer's counts into this one (used to put back a batch whose write failed).</summary>
    public void Merge(CountBuffer other)
    {
        Visits += other.Visits;
        foreach (var (day, counts) in other.Days)
        {
            var mine = Day(day);
            mine.Visits += counts.Visits;
            mine.PageViews += counts.PageViews;
            mine.ArticleViews += counts.ArticleViews;
        }

        foreach (var (id, views) in other.ArticleViews)
        {
            ArticleViews[id] = ArticleViews.GetValueOrDefault(id) + views;
        }

        foreach (var (key, views) in other.ArticleDayViews)
        {
            ArticleDayViews[key] = ArticleDayViews.GetValueOrDefault(key) + views;
        }
    }
}

public sealed class DayCounts
{
    public long Visits { get; set; }

    public long PageViews { get; set; }

    public long ArticleViews { get; set; }
}
