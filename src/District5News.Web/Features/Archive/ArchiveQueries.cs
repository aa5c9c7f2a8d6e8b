using District5News.Web.Features.Articles;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Archive;

/// <summary>"Xem theo ngày": bulletins of one Vietnam calendar day or month.</summary>
public sealed class ArchiveQueries(ArticleQueries articles, TimeProvider clock)
{
    /// <summary>The "Xem theo ngày" page: the form, with what was typed and why it was refused, and today's links.</summary>
    public DayPickerViewModel GetPicker(string? typed, string? error) => new(typed, error, VietnamTime.Today(clock));

    public async Task<DayPageViewModel> GetDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = VietnamTime.DayRangeUtc(day);
        var items = await ArticleQueries.ToListItems(articles.Visible()
                .Where(a => a.PublishedAtUtc >= start && a.PublishedAtUtc < end)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id), articles.Media)
            .ToListAsync(cancellationToken);

        var previous = await articles.Visible().Where(a => a.PublishedAtUtc < start)
            .OrderByDescending(a => a.PublishedAtUtc).Select(a => (DateTime?)a.PublishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var next = await articles.Visible().Where(a => a.PublishedAtUtc >= end)
            .OrderBy(a => a.PublishedAtUtc).Select(a => (DateTime?)a.PublishedAtUtc).FirstOrDefaultAsync(cancellationToken);

        return new DayPageViewModel(
            day,
            items,
            previous is null ? null : VietnamTime.DateOf(previous.Value),
            next is null ? null : VietnamTime.DateOf(next.Value));
    }

    public async Task<MonthPageViewModel> GetMonthAsync(int year, int month, CancellationToken cancellationToken)
    {
        var (start, end) = VietnamTime.MonthRangeUtc(year, month);
        var items = await ArticleQueries.ToListItems(articles.Visible()
                .Where(a => a.PublishedAtUtc >= start && a.PublishedAtUtc < end)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id), articles.Media)
            .ToListAsync(cancellationToken);

        var days = items.GroupBy(i => VietnamTime.DateOf(i.PublishedAtUtc))
            .Select(g => new DayGroup(g.Key, g.ToList()))
            .ToList();
        var first = new DateOnly(year, month, 1);
        return new MonthPageViewModel(year, month, days, items.Count, first.AddMonths(-1), first.AddMonths(1));
    }

    public static bool TryMakeDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static bool IsValidMonth(int year, int month) => year is >= 1900 and <= 9998 && month is >= 1 and <= 12;
}

public sealed record DayPickerViewModel(string? Typed, string? Error, DateOnly Today);

public sealed record DayPageViewModel(DateOnly Day, IReadOnlyList<ArticleListItem> Items, DateOnly? PreviousDay, DateOnly? NextDay);

public sealed record DayGroup(DateOnly Day, IReadOnlyList<ArticleListItem> Items);

public sealed record MonthPageViewModel(int Year, int Month, IReadOnlyList<DayGroup> Days, int Count, DateOnly PreviousMonth, DateOnly NextMonth);
