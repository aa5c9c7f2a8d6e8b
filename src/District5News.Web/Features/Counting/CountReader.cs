using District5News.Web.Data;
using District5News.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Counting;

/// <summary>Reads the stored totals <see cref="StoredTotals"/> keeps: each in a scope of its own, since the callers are singletons.</summary>
public sealed class CountReader(IServiceScopeFactory scopes)
{
    /// <summary>A bulletin's imported plus counted views as stored; 0 for a bulletin that does not exist.</summary>
    public async Task<long> ReadArticleViewsAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => a.ImportedViews + a.Views).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The site's visits as stored, with the counter's imported start.</summary>
    public async Task<long> ReadVisitsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.SiteCounters.AsNoTracking().Where(s => s.Id == SiteCounter.SingletonId)
            .Select(s => s.StartingVisits + s.Visits).FirstOrDefaultAsync(cancellationToken);
    }
}
