using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Import;

/// <summary>Everything an import may touch, as comparable values: equal snapshots mean nothing was written.</summary>
public sealed record DatabaseSnapshot(
    int Categories,
    int Revisions,
    int AuditEntries,
    long StartingVisits,
    long Visits,
    string Articles,
    string DailyStats,
    string ArticleDailyViews)
{
    public static Task<DatabaseSnapshot> TakeAsync(NewsAppFactory app) => app.WithDbAsync(async db =>
    {
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.CategoryId, a.Title, a.Lead, a.BodyHtml, a.Status, a.ImportedViews, a.Views, a.Version })
            .ToListAsync();
        var days = await db.DailyStats.AsNoTracking().OrderBy(d => d.Date).ToListAsync();
        var articleDays = await db.ArticleDailyViews.AsNoTracking().OrderBy(v => v.ArticleId).ThenBy(v => v.Date).ToListAsync();
        var counter = await db.SiteCounters.AsNoTracking().SingleAsync(s => s.Id == SiteCounter.SingletonId);
        return new DatabaseSnapshot(
            await db.Categories.CountAsync(),
            await db.ArticleRevisions.CountAsync(),
            await db.AuditEntries.CountAsync(),
            counter.StartingVisits,
            counter.Visits,
            string.Join('\n', articles),
            string.Join('\n', days.Select(d => $"{d.Date} {d.Visits} {d.PageViews} {d.ArticleViews}")),
            string.Join('\n', articleDays.Select(v => $"{v.ArticleId} {v.Date} {v.Views}")));
    });
}
