using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Units;

/// <summary>What the unit form posts. Dates are Vietnamese dd/mm/yyyy text (never the browser's mm/dd/yyyy).</summary>
public sealed class UnitEditInput
{
    public const int NameLength = 150;
    public const int SlugLength = 100;
    public const int BasisLength = 300;

    [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
    [StringLength(NameLength, ErrorMessage = "Tên đơn vị dài tối đa {1} ký tự.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ của đơn vị.")]
    [StringLength(SlugLength, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
    public string? Slug { get; set; }

    /// <summary>dd/mm/yyyy, or empty: older than the portal's records.</summary>
    public string? ActiveFrom { get; set; }

    /// <summary>dd/mm/yyyy, or empty: still publishing.</summary>
    public string? ActiveUntil { get; set; }

    public int? SuccessorId { get; set; }

    [StringLength(BasisLength, ErrorMessage = "Căn cứ dài tối đa {1} ký tự.")]
    public string? Basis { get; set; }
}

public sealed record UnitAdminRow(int Id, string Name, string Slug, string Kind, string? Period, string? SuccessorName, string? Basis)
{
    public string EditUrl => UnitAdminUrls.Edit(Id);

    public string PublicUrl => UnitUrls.Unit(Slug);
}

public sealed record UnitEditViewModel(int Id, string CurrentName, string Kind, UnitEditInput Input, IReadOnlyList<UnitOption> Successors)
{
    public string PostUrl => UnitAdminUrls.Edit(Id);
}

/// <summary>The outcome of a unit edit: done (with the message), not found, or the errors per field.</summary>
public sealed record UnitChangeResult(bool Found, IReadOnlyList<(string Field, string Message)> Errors, string? Message)
{
    public bool Succeeded => Found && Errors.Count == 0;
}

public static class UnitAdminUrls
{
    public const string List = AdminRoutes.Units;

    public static string Edit(int id) => RouteLink.Fill(AdminRoutes.UnitEdit, ("id", id));
}

/// <summary>
/// The administrator's units page: name, address (slug), period, successor and the resolution behind them. A unit is
/// never deleted (bulletins keep it); it is ended with a last day. Each change is audited and announced as a public
/// content change, so the units' pages, the lists and the menu of wards follow at once.
/// </summary>
public sealed partial class UnitAdministration(NewsDbContext db, UnitDirectory units, AuditLog audit, PublicContentChanges changes)
{
    public async Task<IReadOnlyList<UnitAdminRow>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        return snapshot.All
            .Select(u => new UnitAdminRow(u.Id, u.Name, u.Slug, KindName(u.Kind), PeriodText(u.ActiveFrom, u.ActiveUntil),
                snapshot.SuccessorOf(u.Id)?.Name, u.Basis))
            .ToList();
    }

    /// <summary>The form for unit <paramref name="id"/>, filled with <paramref name="input"/> or its saved values; null when there is no such unit.</summary>
    public async Task<UnitEditViewModel?> GetFormAsync(int id, UnitEditInput? input, CancellationToken cancellationToken)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        if (snapshot.ById(id) is not { } unit)
        {
            return null;
        }

        input ??= new UnitEditInput
        {
            Name = unit.Name,
            Slug = unit.Slug,
            ActiveFrom = unit.ActiveFrom is { } from ? VietnameseFormat.Date(from) : null,
            ActiveUntil = unit.ActiveUntil is { } until ? VietnameseFormat.Date(until) : null,
            SuccessorId = unit.SuccessorId,
            Basis = unit.Basis,
        };
        var successors = snapshot.All.Where(u => u.Id != id).Select(u => new UnitOption(u.Id, u.Name, u.IsCurrent)).ToList();
        return new UnitEditViewModel(id, unit.Name, KindName(unit.Kind), input, successors);
    }

    public async Task<UnitChangeResult> UpdateAsync(int id, UnitEditInput input, CancellationToken cancellationToken)
    {
        var unit = await db.PublishingUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return new UnitChangeResult(false, [], "Không tìm thấy đơn vị này.");
        }

        var errors = new List<(string Field, string Message)>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => (r.MemberNames.FirstOrDefault() ?? string.Empty, r.ErrorMessage ?? string.Empty)));
        }

        var name = VietnameseText.Normalize(input.Name ?? string.Empty).Trim();
        var slug = (input.Slug ?? string.Empty).Trim();
        if (slug.Length > 0 && !SlugPattern().IsMatch(slug))
        {
            errors.Add((nameof(input.Slug), "Địa chỉ chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối giữa các từ, ví dụ phuong-cho-lon."));
        }
        else if (slug.Length > 0 && await db.PublishingUnits.AnyAsync(u => u.Slug == slug && u.Id != id, cancellationToken))
        {
            errors.Add((nameof(input.Slug), $"Địa chỉ “{slug}” đã được dùng cho đơn vị khác."));
        }

        var from = ParseDate(input.ActiveFrom, nameof(input.ActiveFrom), "Ngày bắt đầu", errors);
        var until = ParseDate(input.ActiveUntil, nameof(input.ActiveUntil), "Ngày kết thúc", errors);
        if (from is { } f && until is { } u && u < f)
        {
            errors.Add((nameof(input.ActiveUntil), "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."));
        }

        if (input.SuccessorId is { } successorId)
        {
            var snapshot = await units.GetAsync(cancellationToken);
            if (successorId == id)
            {
                errors.Add((nameof(input.SuccessorId), "Một đơn vị không thể tự tiếp nhận chính mình."));
            }
            else if (snapshot.ById(successorId) is null)
            {
                errors.Add((nameof(input.SuccessorId), "Đơn vị tiếp nhận không tồn tại. Vui lòng chọn lại."));
            }
            else if (LeadsBackTo(snapshot, successorId, id) is { } loop)
            {
                errors.Add((nameof(input.SuccessorId), $"Không thể chọn {snapshot.ById(successorId)!.Name}: đơn vị đó đã được {loop} tiếp nhận (vòng lặp sáp nhập)."));
            }
        }

        if (errors.Count > 0)
        {
            return new UnitChangeResult(true, errors, null);
        }

        var basis = string.IsNullOrWhiteSpace(input.Basis) ? null : VietnameseText.Normalize(input.Basis).Trim();
        var snapshotBefore = await units.GetAsync(cancellationToken);
        var changed = new List<string>();
        Note(changed, "Tên", unit.Name, name);
        Note(changed, "Địa chỉ", unit.Slug, slug);
        Note(changed, "Thời gian hoạt động", PeriodText(unit.ActiveFrom, unit.ActiveUntil) ?? "không ghi", PeriodText(from, until) ?? "không ghi");
        Note(changed, "Đơn vị tiếp nhận", NameOf(snapshotBefore, unit.SuccessorId), NameOf(snapshotBefore, input.SuccessorId));
        Note(changed, "Căn cứ", unit.Basis ?? "không ghi", basis ?? "không ghi");
        if (changed.Count == 0)
        {
            return new UnitChangeResult(true, [], $"Không có thay đổi nào của {unit.Name}.");
        }

        unit.Name = name;
        unit.Slug = slug;
        unit.ActiveFrom = from;
        unit.ActiveUntil = until;
        unit.SuccessorId = input.SuccessorId;
        unit.Basis = basis;
        audit.Add(AuditActions.UnitChanged, AuditTargets.Unit, id.ToString(CultureInfo.InvariantCulture), $"{name}: {string.Join("; ", changed)}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Unit, id.ToString(CultureInfo.InvariantCulture), "edited"));
        return new UnitChangeResult(true, [], $"Đã lưu đơn vị {name}.");
    }

    public static string KindName(PublishingUnitKind kind) => kind == PublishingUnitKind.District ? "Quận (lưu trữ)" : "Phường";

    public static string? PeriodText(DateOnly? from, DateOnly? until) => (from, until) switch
    {
        ({ } f, { } u) => $"{VietnameseFormat.Date(f)} – {VietnameseFormat.Date(u)}",
        (null, { } u) => $"đến {VietnameseFormat.Date(u)}",
        ({ } f, null) => $"từ {VietnameseFormat.Date(f)}",
        _ => null,
    };

    /// <summary>When following successors from <paramref name="start"/> reaches <paramref name="unitId"/>, the name of the unit just before it.</summary>
    private static string? LeadsBackTo(UnitSnapshot snapshot, int start, int unitId)
    {
        var seen = new HashSet<int>();
        var current = snapshot.ById(start);
        while (current is not null && seen.Add(current.Id))
        {
            if (current.SuccessorId == unitId)
            {
                return snapshot.ById(unitId)!.Name;
            }

            current = current.SuccessorId is { } next ? snapshot.ById(next) : null;
        }

        return null;
    }

    private static DateOnly? ParseDate(string? text, string field, string label, List<(string Field, string Message)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2100)
        {
            return date;
        }

        errors.Add((field, $"{label} không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025, hoặc để trống."));
        return null;
    }

    private static string NameOf(UnitSnapshot snapshot, int? id) => id is { } i ? snapshot.ById(i)?.Name ?? "không có" : "không có";

    private static void Note(List<string> changed, string label, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changed.Add($"{label}: {before} → {after}");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
