namespace District5News.Web.Data.Entities;

/// <summary>The site-wide totals: one row (Id = 1).</summary>
public class SiteCounter
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Visits counted by this portal.</summary>
    public long Visits { get; set; }

    /// <summary>Where the visit counter starts, e.g. the old portal's total when its archive is imported.</summary>
    public long StartingVisits { get; set; }

    public long TotalVisits => StartingVisits + Visits;
}

/// <summary>Site figures for one Vietnam calendar day.</summary>
public class DailyStat
{
    public DateOnly Date { get; set; }

    public long Visits { get; set; }

    public long PageViews { get; set; }

    public long ArticleViews { get; set; }
}

/// <summary>One bulletin's views on one Vietnam calendar day.</summary>
public class ArticleDailyView
{
    public int ArticleId { get; set; }

    public DateOnly Date { get; set; }

    public long Views { get; set; }
}
