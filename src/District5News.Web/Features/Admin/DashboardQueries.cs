using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Admin;

public sealed record DashboardViewModel(int Published, int Scheduled, int Drafts, int Unpublished, int InTrash, long TotalVisits)
{
    /// <summary>The units the counts cover, for an editor ("Phường Chợ Lớn"); null for an administrator (all units).</summary>
    public string? UnitNames { get; init; }

    /// <summary>An editor with no unit: nothing to count, and the page says why.</summary>
    public bool HasNoUnit { get; init; }
}

/// <summary>The figures at the top of the back office.</summary>
public sealed class DashboardQueries(NewsDbContext db, VisitCounter counter, UnitDirectory units, TimeProvider clock)
{
    /// <summary>The bulletin counts of the units in <paramref name="scope"/>; the site's visits.</summary>
    public async Task<DashboardViewModel> GetAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = scope.Filter(db.Articles.AsNoTracking());
        var live = mine.Where(a => a.DeletedAtUtc == null);
        return new DashboardViewModel(
            await live.CountAsync(ArticleVisibility.VisibleAt(now), cancellationToken),
            await live.CountAsync(ArticleVisibility.ScheduledAt(now), cancellationToken),
            await live.CountAsync(a => a.Status == ArticleStatus.Draft, cancellationToken),
            await live.CountAsync(a => a.Status == ArticleStatus.Unpublished, cancellationToken),
            await mine.CountAsync(a => a.DeletedAtUtc != null, cancellationToken),
            await counter.GetTotalVisitsAsync(cancellationToken))
        {
            UnitNames = scope.AllUnits ? null : string.Join(", ", (await units.GetAsync(cancellationToken)).All.Where(u => scope.Allows(u.Id)).Select(u => u.Name)),
            HasNoUnit = scope.IsEmpty,
        };
    }
}
