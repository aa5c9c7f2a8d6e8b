using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Statistics;

/// <summary>Visit statistics for administrators, read from the daily tables the visit counter fills.</summary>
public sealed class StatisticsQueries(NewsDbContext db, VisitCounter counter, TimeProvider clock, ILogger<StatisticsQueries> logger)
{
    public const int MostReadCount = 10;

    public async Task<StatisticsPageResult> GetPageAsync(StatisticsRangeInput input, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var range = StatisticsRange.TryParse(input, today, out var error);
        if (range is null)
        {
            return new StatisticsPageResult(null, error, input);
        }

        await FlushCountsAsync(cancellationToken);
        var days = await DailyAsync(range, cancellationToken);
        var todayFigures = range.From <= today && today <= range.To
            ? days.Single(d => d.Date == today)
            : (await DailyAsync(new StatisticsRange(today, today, null), cancellationToken))[0];
        var totals = new DailyFigures(range.To, days.Sum(d => d.Visits), days.Sum(d => d.PageViews), days.Sum(d => d.ArticleViews));

        var model = new StatisticsViewModel(
            range,
            await counter.GetTotalVisitsAsync(cancellationToken),
            todayFigures,
            totals,
            days,
            SvgChart.Build(days),
            await MostReadAsync(range, cancellationToken),
            await CategoryViewsAsync(range, cancellationToken));
        return new StatisticsPageResult(model, null, input);
    }

    public Task<StatisticsExportResult> GetCsvAsync(StatisticsRangeInput input, CancellationToken cancellationToken) =>
        ExportAsync(input, CsvExport.Build, CsvExport.FileName, cancellationToken);

    public Task<StatisticsExportResult> GetXlsxAsync(StatisticsRangeInput input, CancellationToken cancellationToken) =>
        ExportAsync(input, XlsxExport.Build, XlsxExport.FileName, cancellationToken);

    private async Task<StatisticsExportResult> ExportAsync(StatisticsRangeInput input, Func<IEnumerable<DailyFigures>, byte[]> build,
        Func<StatisticsRange, string> fileName, CancellationToken cancellationToken)
    {
        var range = StatisticsRange.TryParse(input, VietnamTime.Today(clock), out var error);
        if (range is null)
        {
            return new StatisticsExportResult(null, null, error);
        }

        await FlushCountsAsync(cancellationToken);
        var days = await DailyAsync(range, cancellationToken);
        return new StatisticsExportResult(build(days), fileName(range), null);
    }

    /// <summary>Every day of the range, in order; a day with no row counted nothing.</summary>
    private async Task<List<DailyFigures>> DailyAsync(StatisticsRange range, CancellationToken cancellationToken)
    {
        var stored = await db.DailyStats.AsNoTracking()
            .Where(d => d.Date >= range.From && d.Date <= range.To)
            .Select(d => new DailyFigures(d.Date, d.Visits, d.PageViews, d.ArticleViews))
            .ToDictionaryAsync(d => d.Date, cancellationToken);
        return Enumerable.Range(0, range.DayCount)
            .Select(i => range.From.AddDays(i))
            .Select(day => stored.TryGetValue(day, out var figures) ? figures : new DailyFigures(day, 0, 0, 0))
            .ToList();
    }

    private async Task<List<MostReadArticle>> MostReadAsync(StatisticsRange range, CancellationToken cancellationToken)
    {
        var top = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Date >= range.From && v.Date <= range.To)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .Where(t => t.Views > 0)
            .OrderByDescending(t => t.Views).ThenBy(t => t.ArticleId)
            .Take(MostReadCount)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.ArticleId).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                CategoryName = a.Category!.Name,
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var isPublic = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Where(ArticleVisibility.VisibleAt(now))
            .Select(a => a.Id).ToHashSetAsync(cancellationToken);
        return top.Where(t => articles.ContainsKey(t.ArticleId))
            .Select((t, i) =>
            {
                var article = articles[t.ArticleId];
                return new MostReadArticle(i + 1, article.Id, article.Title, article.CategoryName,
                    isPublic.Contains(article.Id) ? ArticleUrls.Article(article.Id, article.Slug) : null, t.Views);
            })
            .ToList();
    }

    private async Task<List<CategoryViews>> CategoryViewsAsync(StatisticsRange range, CancellationToken cancellationToken)
    {
        var views = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Date >= range.From && v.Date <= range.To)
            .Join(db.Articles, v => v.ArticleId, a => a.Id, (v, a) => new { a.CategoryId, v.Views })
            .GroupBy(x => x.CategoryId)
            .Select(g => new { CategoryId = g.Key, Views = g.Sum(x => x.Views) })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Views, cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return categories.Select(c => new CategoryViews(c.Id, c.Name, views.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>
    /// Writes what the counter still holds in memory, so the figures equal the public counters at this moment.
    /// A failed write keeps the counts in memory for the next try; the page then shows the stored figures.
    /// </summary>
    private async Task FlushCountsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Statistics read without the counts still in memory");
        }
    }
}
