using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using District5News.Web.Features.Units;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Statistics;

/// <summary>Visit statistics for administrators, read from the daily tables the visit counter fills.</summary>
public sealed class StatisticsQueries(NewsDbContext db, VisitCounter counter, UnitDirectory units, TimeProvider clock, ILogger<StatisticsQueries> logger)
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

        var snapshot = await units.GetAsync(cancellationToken);
        if (!TryUnit(snapshot, input.Unit, out var unit, out error))
        {
            return new StatisticsPageResult(null, error, input);
        }

        var family = unit is null ? null : snapshot.FamilyOf(unit.Id);
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
            await MostReadAsync(range, family, cancellationToken),
            await CategoryViewsAsync(range, family, cancellationToken))
        {
            Units = await UnitViewsAsync(snapshot, range, cancellationToken),
            UnitOptions = FilterOptions(snapshot),
            Unit = unit is null ? null : new UnitFilterOption(unit.Slug, unit.Name),
        };
        return new StatisticsPageResult(model, null, input);
    }

    public Task<StatisticsExportResult> GetCsvAsync(StatisticsRangeInput input, CancellationToken cancellationToken) =>
        ExportAsync(input, CsvExport.Build, CsvExport.FileName, cancellationToken);

    public Task<StatisticsExportResult> GetXlsxAsync(StatisticsRangeInput input, CancellationToken cancellationToken) =>
        ExportAsync(input, XlsxExport.Build, XlsxExport.FileName, cancellationToken);

    private async Task<StatisticsExportResult> ExportAsync(StatisticsRangeInput input, Func<IEnumerable<DailyFigures>, IReadOnlyList<UnitDailyColumn>, byte[]> build,
        Func<StatisticsRange, string> fileName, CancellationToken cancellationToken)
    {
        var range = StatisticsRange.TryParse(input, VietnamTime.Today(clock), out var error);
        if (range is null)
        {
            return new StatisticsExportResult(null, null, error);
        }

        var snapshot = await units.GetAsync(cancellationToken);
        if (!TryUnit(snapshot, input.Unit, out var unit, out error))
        {
            return new StatisticsExportResult(null, null, error);
        }

        await FlushCountsAsync(cancellationToken);
        var days = await DailyAsync(range, cancellationToken);
        var columns = await UnitColumnsAsync(snapshot, range, unit is null ? snapshot.Roots : [unit], cancellationToken);
        return new StatisticsExportResult(build(days, columns), fileName(range), null);
    }

    /// <summary>The unit named by the filter; false with a Vietnamese reason when the slug names none.</summary>
    private static bool TryUnit(UnitSnapshot snapshot, string? slug, out UnitInfo? unit, out string? error)
    {
        error = null;
        unit = null;
        if (string.IsNullOrEmpty(slug))
        {
            return true;
        }

        unit = snapshot.BySlug(slug);
        if (unit is null)
        {
            error = $"Không có đơn vị “{slug}”. Hãy chọn đơn vị trong danh sách.";
            return false;
        }

        return true;
    }

    /// <summary>The current wards first, then the archive and the old wards.</summary>
    private static List<UnitFilterOption> FilterOptions(UnitSnapshot snapshot) =>
        snapshot.All.OrderBy(u => u.IsCurrent ? 0 : 1).ThenBy(u => u.SortOrder).Select(u => new UnitFilterOption(u.Slug, u.Name)).ToList();

    /// <summary>Bulletin views per unit in the period, read once and added up per unit family in memory (units are few).</summary>
    private async Task<Dictionary<(int UnitId, DateOnly Date), long>> ViewsByUnitAndDayAsync(StatisticsRange range, CancellationToken cancellationToken) =>
        (await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Date >= range.From && v.Date <= range.To)
            .Join(db.Articles, v => v.ArticleId, a => a.Id, (v, a) => new { a.UnitId, v.Date, v.Views })
            .GroupBy(x => new { x.UnitId, x.Date })
            .Select(g => new { g.Key.UnitId, g.Key.Date, Views = g.Sum(x => x.Views) })
            .ToListAsync(cancellationToken))
        .ToDictionary(x => (x.UnitId, x.Date), x => x.Views);

    private async Task<List<UnitViews>> UnitViewsAsync(UnitSnapshot snapshot, StatisticsRange range, CancellationToken cancellationToken)
    {
        var views = await ViewsByUnitAndDayAsync(range, cancellationToken);
        return snapshot.Roots.OrderBy(u => u.IsCurrent ? 0 : 1).ThenBy(u => u.SortOrder)
            .Select(root =>
            {
                var family = snapshot.FamilyOf(root.Id).ToHashSet();
                var predecessors = snapshot.PredecessorsOf(root.Id).OrderBy(u => u.SortOrder).Select(u => u.Name).ToList();
                return new UnitViews(root.Slug, root.Name, predecessors.Count == 0 ? string.Empty : "gồm " + string.Join(", ", predecessors),
                    views.Where(v => family.Contains(v.Key.UnitId)).Sum(v => v.Value));
            })
            .ToList();
    }

    private async Task<List<UnitDailyColumn>> UnitColumnsAsync(UnitSnapshot snapshot, StatisticsRange range, IEnumerable<UnitInfo> heads, CancellationToken cancellationToken)
    {
        var views = await ViewsByUnitAndDayAsync(range, cancellationToken);
        return heads.OrderBy(u => u.IsCurrent ? 0 : 1).ThenBy(u => u.SortOrder)
            .Select(head =>
            {
                var family = snapshot.FamilyOf(head.Id).ToHashSet();
                var byDay = views.Where(v => family.Contains(v.Key.UnitId)).GroupBy(v => v.Key.Date).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
                return new UnitDailyColumn($"Lượt xem bản tin: {head.Name}", byDay);
            })
            .ToList();
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

    /// <param name="unitIds">The unit family the list is limited to; null for every unit.</param>
    private async Task<List<MostReadArticle>> MostReadAsync(StatisticsRange range, IReadOnlyList<int>? unitIds, CancellationToken cancellationToken)
    {
        var daily = db.ArticleDailyViews.AsNoTracking().Where(v => v.Date >= range.From && v.Date <= range.To);
        if (unitIds is not null)
        {
            var family = unitIds.ToList();
            daily = daily.Where(v => db.Articles.Any(a => a.Id == v.ArticleId && family.Contains(a.UnitId)));
        }

        var top = await daily
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

    private async Task<List<CategoryViews>> CategoryViewsAsync(StatisticsRange range, IReadOnlyList<int>? unitIds, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsQueryable();
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            articles = articles.Where(a => ids.Contains(a.UnitId));
        }

        var views = await db.ArticleDailyViews.AsNoTracking()
            .Where(v => v.Date >= range.From && v.Date <= range.To)
            .Join(articles, v => v.ArticleId, a => a.Id, (v, a) => new { a.CategoryId, v.Views })
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
