using System.Globalization;
using System.Reflection;
using District5News.Web.Data;
using District5News.Web.Features.Paging;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Audit;

/// <summary>The audit log page's filters, as they come in the query string (validated by <see cref="AuditQueries"/>).</summary>
public sealed record AuditFilterInput
{
    [FromQuery(Name = "hanhdong")]
    public string? Action { get; init; }

    [FromQuery(Name = "nguoidung")]
    public string? User { get; init; }

    [FromQuery(Name = "tu")]
    public string? From { get; init; }

    [FromQuery(Name = "den")]
    public string? To { get; init; }

    [FromQuery(Name = "page")]
    public string? Page { get; init; }
}

public sealed record AuditRow(long Id, DateTime AtUtc, string? UserName, string Action, string? TargetType, string? TargetId, string? Details)
{
    public string ActionName => AuditActions.DisplayName(Action);
}

public sealed record AuditActionOption(string Value, string Name);

public sealed record AuditLogViewModel(
    AuditFilterInput Filter,
    PagedList<AuditRow>? Entries,
    IReadOnlyList<AuditActionOption> Actions,
    IReadOnlyList<string> StaffEmails,
    string? Error)
{
    /// <summary>This page's address with the same filters and another page number.</summary>
    public string UrlFor(int page) => AuditQueries.Url(Filter with { Page = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture) });
}

/// <summary>Reads the audit log for administrators: newest first, filtered, one page at a time in SQL.</summary>
public sealed class AuditQueries(NewsDbContext db)
{
    public const int PageSize = 50;
    public const string Path = AdminRoutes.Audit;

    /// <summary>Every action the code can write, found from <see cref="AuditActions"/>' constants so new ones appear by themselves.</summary>
    public static readonly IReadOnlyList<AuditActionOption> KnownActions = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Select(a => new AuditActionOption(a, AuditActions.DisplayName(a)))
        .ToList();

    public async Task<AuditLogViewModel> SearchAsync(AuditFilterInput filter, CancellationToken cancellationToken)
    {
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
        var error = Validate(filter, out var query);
        if (error is not null)
        {
            return new AuditLogViewModel(filter, null, KnownActions, staff, error);
        }

        var entries = await query!
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.TargetType, a.TargetId, a.Details))
            .ToPagedListAsync(PageNumber(filter), PageSize, cancellationToken);
        return new AuditLogViewModel(filter, entries, KnownActions, staff, null);
    }

    public static string Url(AuditFilterInput filter)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["hanhdong"] = filter.Action,
            ["nguoidung"] = filter.User,
            ["tu"] = filter.From,
            ["den"] = filter.To,
            ["page"] = filter.Page,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
        return Path + query.ToUriComponent();
    }

    private string? Validate(AuditFilterInput filter, out IQueryable<Data.Entities.AuditEntry>? query)
    {
        query = null;
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Page)
            && !(int.TryParse(filter.Page, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && PageRequest.TryValidate(page, out _)))
        {
            return "Số trang không hợp lệ.";
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            if (!KnownActions.Any(a => a.Value == action))
            {
                return "Loại thao tác không hợp lệ. Hãy chọn trong danh sách.";
            }

            entries = entries.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            if (user.Length > 256)
            {
                return "Tên người dùng dài quá 256 ký tự.";
            }

            // LIKE ignores case for e-mail addresses on both SQLite and SQL Server; the user's text is matched literally.
            var pattern = "%" + user.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal) + "%";
            entries = entries.Where(a => a.UserName != null && EF.Functions.Like(a.UserName, pattern, "\\"));
        }

        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(filter.From))
        {
            if (!TryParseDate(filter.From, out var day))
            {
                return $"Ngày bắt đầu “{filter.From}” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-11-20.";
            }

            from = day;
            var startUtc = VietnamTime.DayRangeUtc(day).StartUtc;
            entries = entries.Where(a => a.AtUtc >= startUtc);
        }

        if (!string.IsNullOrWhiteSpace(filter.To))
        {
            if (!TryParseDate(filter.To, out var day))
            {
                return $"Ngày kết thúc “{filter.To}” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-11-20.";
            }

            if (from > day)
            {
                return "Ngày bắt đầu phải trước hoặc trùng với ngày kết thúc.";
            }

            var endUtc = VietnamTime.DayRangeUtc(day).EndUtc;
            entries = entries.Where(a => a.AtUtc < endUtc);
        }

        query = entries;
        return null;
    }

    private static int PageNumber(AuditFilterInput filter) =>
        int.TryParse(filter.Page, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    /// <summary>yyyy-MM-dd within years 2000-2099, so the UTC day bounds never overflow.</summary>
    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2099;
}
