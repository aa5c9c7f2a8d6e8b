using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// "What residents may see" is written once (ArticleVisibility) in three forms: the LINQ expression queries use, the
/// compiled check for objects, and the SQL the hand-written search uses. Over a bulletin in every state, on a real
/// SQLite file, the three must pick the same bulletins, and the hidden-ids SQL must be exactly the rest.
/// </summary>
public sealed class ArticleVisibilityTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    [Fact]
    public async Task Expression_CompiledCheck_AndSql_AgreeOnEveryState()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ids = await app.WithDbAsync(async db =>
        {
            var past = await TestArticles.AddAsync(db, "Đã đăng", new DateTime(2026, 11, 1, 8, 0, 0));
            var scheduled = await TestArticles.AddAsync(db, "Hẹn giờ", new DateTime(2027, 1, 1, 8, 0, 0));
            var draftWithTime = await TestArticles.AddAsync(db, "Nháp có giờ", new DateTime(2026, 11, 2, 8, 0, 0));
            draftWithTime.SaveAsDraft(now.AddDays(-1));
            var draftWithoutTime = await TestArticles.AddAsync(db, "Nháp chưa có giờ", new DateTime(2026, 11, 3, 8, 0, 0));
            draftWithoutTime.SaveAsDraftWithoutTime();
            var unpublished = await TestArticles.AddAsync(db, "Đã gỡ", new DateTime(2026, 11, 4, 8, 0, 0));
            unpublished.Unpublish();
            var trashed = await TestArticles.AddAsync(db, "Thùng rác", new DateTime(2026, 11, 5, 8, 0, 0));
            trashed.DeletedAtUtc = now;
            await db.SaveChangesAsync();
            return new[] { past.Id, scheduled.Id, draftWithTime.Id, draftWithoutTime.Id, unpublished.Id, trashed.Id };
        });

        var (byExpression, byCheck, bySql, hiddenBySql, scheduledByExpression) = await app.WithDbAsync(async db =>
        {
            var mine = db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id));
            var expression = await mine.Where(ArticleVisibility.VisibleAt(now)).Select(a => a.Id).ToListAsync();
            var check = (await mine.ToListAsync()).Where(a => ArticleVisibility.IsVisible(a, now)).Select(a => a.Id).ToList();
            var nowText = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            // The fragments are the portal's own constants; the time goes in as a parameter ({0}).
            var visibleSql = "SELECT a.\"Id\" AS \"Value\" FROM \"Articles\" AS a WHERE " + ArticleVisibility.VisibleSql("a", "{0}");
            var hiddenSql = "SELECT \"Id\" AS \"Value\" FROM (" + ArticleVisibility.HiddenIdsSql("{0}") + ")";
            var sql = await db.Database.SqlQueryRaw<int>(visibleSql, nowText).ToListAsync();
            var hidden = await db.Database.SqlQueryRaw<int>(hiddenSql, nowText).ToListAsync();
            var scheduled = await mine.Where(ArticleVisibility.ScheduledAt(now)).Select(a => a.Id).ToListAsync();
            return (expression, check, sql.Intersect(ids).ToList(), hidden.Intersect(ids).ToList(), scheduled);
        });

        Assert.Equal([ids[0]], byExpression);
        Assert.Equal(byExpression, byCheck);
        Assert.Equal(byExpression, bySql);
        Assert.Equal(ids.Except(byExpression).Order(), hiddenBySql.Order());
        Assert.Equal([ids[1]], scheduledByExpression);
    }
}
