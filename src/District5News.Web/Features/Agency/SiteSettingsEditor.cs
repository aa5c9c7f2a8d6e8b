using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Agency;

/// <summary>The form at /admin/cai-dat. Field names are the entity's; no data annotations: <see cref="SiteSettingsEditor"/> checks.</summary>
public sealed class SiteSettingsInput
{
    public string? SiteName { get; set; }

    public string? GoverningBody { get; set; }

    public string? ResponsibilityLine { get; set; }

    public string? Description { get; set; }

    public string? DefaultUnit { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Hotline { get; set; }

    public string? SiteNameEn { get; set; }

    public string? GoverningBodyEn { get; set; }

    public string? ResponsibilityLineEn { get; set; }
}

public sealed record UnitOption(string Slug, string Name);

public sealed record SiteSettingsFormViewModel(SiteSettingsInput Input, IReadOnlyList<UnitOption> Units, IReadOnlyList<FieldError> Errors)
{
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

/// <summary>What became of a save: done (with the message for the next page) or refused (every problem, and the status).</summary>
public sealed record AgencySaveResult(bool Succeeded, string Message, IReadOnlyList<FieldError> Errors, int Status)
{
    public static AgencySaveResult Done(string message) => new(true, message, [], StatusCodes.Status200OK);

    public static AgencySaveResult Invalid(IReadOnlyList<FieldError> errors) =>
        new(false, "Chưa lưu được: vui lòng sửa các ô được đánh dấu.", errors, StatusCodes.Status400BadRequest);

    public static AgencySaveResult NotFound(string message) => new(false, message, [], StatusCodes.Status404NotFound);
}

/// <summary>
/// Reads and saves the site settings. A save is checked whole, audited with what changed, and announced with
/// <see cref="PublicContentChanges"/> so the header, footer, feeds and cached pages show the new values at once.
/// </summary>
public sealed class SiteSettingsEditor(NewsDbContext db, AuditLog audit, PublicContentChanges changes, TimeProvider clock)
{
    public async Task<SiteSettingsFormViewModel> GetFormAsync(SiteSettingsInput? input, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        var units = await CurrentUnitsAsync(cancellationToken);
        if (input is null)
        {
            var settings = await db.SiteSettings.AsNoTracking().Include(s => s.DefaultUnit).FirstOrDefaultAsync(cancellationToken);
            input = settings is null
                ? new SiteSettingsInput()
                : new SiteSettingsInput
                {
                    SiteName = settings.SiteName, GoverningBody = settings.GoverningBody, ResponsibilityLine = settings.ResponsibilityLine,
                    Description = settings.Description, DefaultUnit = settings.DefaultUnit?.Slug, Address = settings.Address,
                    Phone = settings.Phone, Email = settings.Email, Hotline = settings.Hotline, SiteNameEn = settings.SiteNameEn,
                    GoverningBodyEn = settings.GoverningBodyEn, ResponsibilityLineEn = settings.ResponsibilityLineEn,
                };
        }

        return new SiteSettingsFormViewModel(input, units, errors ?? []);
    }

    public async Task<AgencySaveResult> SaveAsync(SiteSettingsInput input, CancellationToken cancellationToken)
    {
        var check = new FieldCheck();
        var siteName = check.Required(nameof(input.SiteName), "tên trang", input.SiteName, AgencyLimits.Name);
        var governingBody = check.Required(nameof(input.GoverningBody), "cơ quan chủ quản", input.GoverningBody, AgencyLimits.Name);
        var responsibility = check.Required(nameof(input.ResponsibilityLine), "dòng chịu trách nhiệm chính", input.ResponsibilityLine, AgencyLimits.Line);
        var description = check.Required(nameof(input.Description), "mô tả ngắn", input.Description, AgencyLimits.Line);
        var address = check.Optional(nameof(input.Address), "địa chỉ", input.Address, AgencyLimits.Address);
        var phone = check.Phone(nameof(input.Phone), "số điện thoại", input.Phone);
        var email = check.Email(nameof(input.Email), "địa chỉ thư điện tử", input.Email);
        var hotline = check.Phone(nameof(input.Hotline), "đường dây nóng", input.Hotline);
        var siteNameEn = check.Optional(nameof(input.SiteNameEn), "tên trang bằng tiếng Anh", input.SiteNameEn, AgencyLimits.Name);
        var governingBodyEn = check.Optional(nameof(input.GoverningBodyEn), "cơ quan chủ quản bằng tiếng Anh", input.GoverningBodyEn, AgencyLimits.Name);
        var responsibilityEn = check.Optional(nameof(input.ResponsibilityLineEn), "dòng chịu trách nhiệm bằng tiếng Anh", input.ResponsibilityLineEn, AgencyLimits.Line);

        var slug = FieldCheck.Line(input.DefaultUnit);
        var units = await CurrentUnitsAsync(cancellationToken);
        var unit = units.FirstOrDefault(u => u.Slug == slug);
        if (unit is null)
        {
            check.Add(nameof(input.DefaultUnit), slug.Length == 0
                ? "Vui lòng chọn đơn vị mặc định."
                : "Đơn vị mặc định phải là một đơn vị đang hoạt động trong danh sách.");
        }

        if (!check.IsValid)
        {
            return AgencySaveResult.Invalid(check.Errors);
        }

        var unitId = await db.PublishingUnits.Where(u => u.Slug == unit!.Slug).Select(u => u.Id).FirstAsync(cancellationToken);
        var settings = await db.SiteSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new SiteSettings { SiteName = siteName, GoverningBody = governingBody, ResponsibilityLine = responsibility, Description = description };
            db.SiteSettings.Add(settings);
        }

        var before = Describe(settings);
        settings.SiteName = siteName;
        settings.GoverningBody = governingBody;
        settings.ResponsibilityLine = responsibility;
        settings.Description = description;
        settings.DefaultUnitId = unitId;
        settings.Address = address;
        settings.Phone = phone;
        settings.Email = email;
        settings.Hotline = hotline;
        settings.SiteNameEn = siteNameEn;
        settings.GoverningBodyEn = governingBodyEn;
        settings.ResponsibilityLineEn = responsibilityEn;
        var after = Describe(settings);
        var changed = after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value)
            .Select(kv => $"{kv.Key}: “{before.GetValueOrDefault(kv.Key)}” → “{kv.Value}”").ToList();
        if (changed.Count == 0)
        {
            return AgencySaveResult.Done("Cài đặt không thay đổi.");
        }

        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.SettingsChanged, AuditTargets.Settings, SiteSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join("; ", changed));
        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.Settings, null, "saved"));
        return AgencySaveResult.Done("Đã lưu cài đặt. Tên trang, đầu trang, chân trang và bản tin RSS đã dùng giá trị mới.");
    }

    /// <summary>The units that publish today: the only sensible default for a portal in service.</summary>
    private async Task<List<UnitOption>> CurrentUnitsAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        return await db.PublishingUnits.AsNoTracking()
            .Where(u => (u.ActiveFrom == null || u.ActiveFrom <= today) && (u.ActiveUntil == null || u.ActiveUntil >= today))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new UnitOption(u.Slug, u.Name)).ToListAsync(cancellationToken);
    }

    private static Dictionary<string, string?> Describe(SiteSettings s) => new()
    {
        ["Tên trang"] = s.SiteName,
        ["Cơ quan chủ quản"] = s.GoverningBody,
        ["Chịu trách nhiệm"] = s.ResponsibilityLine,
        ["Mô tả"] = s.Description,
        ["Đơn vị mặc định"] = s.DefaultUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Địa chỉ"] = s.Address,
        ["Điện thoại"] = s.Phone,
        ["Thư điện tử"] = s.Email,
        ["Đường dây nóng"] = s.Hotline,
        ["Tên tiếng Anh"] = s.SiteNameEn,
        ["Cơ quan chủ quản (tiếng Anh)"] = s.GoverningBodyEn,
        ["Chịu trách nhiệm (tiếng Anh)"] = s.ResponsibilityLineEn,
    };
}
