using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Counting;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Admin;

public sealed record DashboardViewModel(int Published, int Scheduled, int Drafts, int Unpublished, int InTrash, long TotalVisits);

/// <summary>The figures at the top of the back office.</summary>
public sealed class DashboardQueries(NewsDbContext db, VisitCounter counter, TimeProvider clock)
{
    public async Task<DashboardViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = db.Articles.AsNoTracking().Where(a => a.DeletedAtUtc == null);
        return new DashboardViewModel(
            await live.CountAsync(ArticleVisibility.VisibleAt(now), cancellationToken),
            await live.CountAsync(ArticleVisibility.ScheduledAt(now), cancellationToken),
            await live.CountAsync(a => a.Status == ArticleStatus.Draft, cancellationToken),
            await live.CountAsync(a => a.Status == ArticleStatus.Unpublished, cancellationToken),
            await db.Articles.CountAsync(a => a.DeletedAtUtc != null, cancellationToken),
            await counter.GetTotalVisitsAsync(cancellationToken));
    }
}
