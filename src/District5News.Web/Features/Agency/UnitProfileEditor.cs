using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Agency;

public sealed class LeaderInput
{
    public string? Name { get; set; }

    public string? Position { get; set; }

    public string? PositionEn { get; set; }
}

/// <summary>The profile form at /admin/gioi-thieu/{id}/sua; every text is plain text.</summary>
public sealed class UnitProfileInput
{
    public string? Functions { get; set; }

    public string? Organisation { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? Email { get; set; }

    public string? Hotline { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPosition { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? NameEn { get; set; }

    public string? FunctionsEn { get; set; }

    public string? OrganisationEn { get; set; }

    public string? AddressEn { get; set; }

    public string? ContactPositionEn { get; set; }

    public List<LeaderInput> Leaders { get; set; } = [];
}

public sealed record UnitProfileRow(int Id, string Slug, string Name, bool HasProfile, DateTime? UpdatedAtUtc)
{
    public string EditUrl => AgencyUrls.EditProfile(Id);
}

public sealed record UnitProfileFormViewModel(int UnitId, string UnitName, string PublicUrl, UnitProfileInput Input, IReadOnlyList<FieldError> Errors)
{
    /// <summary>Rows the form shows: the leaders typed, then empty rows up to three more (never past the limit).</summary>
    public int LeaderRows => Math.Min(AgencyLimits.Leaders, Math.Max(Input.Leaders.Count + 3, 5));

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

/// <summary>
/// The profiles in the back office: the current units' list and one unit's form. A save replaces the whole profile
/// (leaders in the order typed), is audited, and is announced with <see cref="PublicContentChanges"/>.
/// </summary>
public sealed class UnitProfileEditor(NewsDbContext db, AuditLog audit, PublicContentChanges changes, SiteSettingsCache settings, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitProfileRow>> ListAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var units = await db.PublishingUnits.AsNoTracking()
            .Where(u => (u.ActiveFrom == null || u.ActiveFrom <= today) && (u.ActiveUntil == null || u.ActiveUntil >= today))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Slug, u.Name })
            .ToListAsync(cancellationToken);
        var ids = units.Select(u => u.Id).ToList();
        var profiles = await db.UnitProfiles.AsNoTracking().Where(p => ids.Contains(p.UnitId))
            .Select(p => new { p.UnitId, p.UpdatedAtUtc }).ToDictionaryAsync(p => p.UnitId, p => p.UpdatedAtUtc, cancellationToken);
        return units.Select(u => new UnitProfileRow(u.Id, u.Slug, u.Name, profiles.GetValueOrDefault(u.Id) is not null, profiles.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>The form of a current unit (null: no such unit, or one that no longer publishes).</summary>
    public async Task<UnitProfileFormViewModel?> GetFormAsync(int unitId, UnitProfileInput? input, IReadOnlyList<FieldError>? errors, CancellationToken cancellationToken)
    {
        var unit = await CurrentUnitAsync(unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (input is null)
        {
            var p = await db.UnitProfiles.AsNoTracking().Include(x => x.Leaders).FirstOrDefaultAsync(x => x.UnitId == unitId, cancellationToken);
            input = p is null
                ? new UnitProfileInput()
                : new UnitProfileInput
                {
                    Functions = p.Functions, Organisation = p.Organisation, Address = p.Address, Phone = p.Phone, Fax = p.Fax,
                    Email = p.Email, Hotline = p.Hotline, ContactName = p.ContactName, ContactPosition = p.ContactPosition,
                    ContactPhone = p.ContactPhone, ContactEmail = p.ContactEmail, NameEn = p.NameEn, FunctionsEn = p.FunctionsEn,
                    OrganisationEn = p.OrganisationEn, AddressEn = p.AddressEn, ContactPositionEn = p.ContactPositionEn,
                    Leaders = p.Leaders.OrderBy(l => l.SortOrder).Select(l => new LeaderInput { Name = l.Name, Position = l.Position, PositionEn = l.PositionEn }).ToList(),
                };
        }

        var site = await settings.GetAsync(cancellationToken);
        return new UnitProfileFormViewModel(unit.Id, unit.Name, AgencyUrls.AboutUnit(unit.Slug, site.DefaultUnitSlug), input, errors ?? []);
    }

    public async Task<AgencySaveResult> SaveAsync(int unitId, UnitProfileInput input, CancellationToken cancellationToken)
    {
        var unit = await CurrentUnitAsync(unitId, cancellationToken);
        if (unit is null)
        {
            return AgencySaveResult.NotFound("Không tìm thấy đơn vị này, hoặc đơn vị đã thôi hoạt động.");
        }

        var check = new FieldCheck();
        var functions = check.Optional(nameof(input.Functions), "chức năng, nhiệm vụ", input.Functions, AgencyLimits.Text, multiline: true);
        var organisation = check.Optional(nameof(input.Organisation), "cơ cấu tổ chức", input.Organisation, AgencyLimits.Text, multiline: true);
        var address = check.Optional(nameof(input.Address), "địa chỉ", input.Address, AgencyLimits.Address);
        var phone = check.Phone(nameof(input.Phone), "số điện thoại", input.Phone);
        var fax = check.Phone(nameof(input.Fax), "số fax", input.Fax);
        var email = check.Email(nameof(input.Email), "địa chỉ thư điện tử", input.Email);
        var hotline = check.Phone(nameof(input.Hotline), "đường dây nóng", input.Hotline);
        var contactName = check.Optional(nameof(input.ContactName), "họ tên người phụ trách", input.ContactName, AgencyLimits.Person);
        var contactPosition = check.Optional(nameof(input.ContactPosition), "chức vụ người phụ trách", input.ContactPosition, AgencyLimits.Position);
        var contactPhone = check.Phone(nameof(input.ContactPhone), "số điện thoại người phụ trách", input.ContactPhone);
        var contactEmail = check.Email(nameof(input.ContactEmail), "thư điện tử người phụ trách", input.ContactEmail);
        var nameEn = check.Optional(nameof(input.NameEn), "tên đơn vị bằng tiếng Anh", input.NameEn, AgencyLimits.Name);
        var functionsEn = check.Optional(nameof(input.FunctionsEn), "chức năng, nhiệm vụ bằng tiếng Anh", input.FunctionsEn, AgencyLimits.Text, multiline: true);
        var organisationEn = check.Optional(nameof(input.OrganisationEn), "cơ cấu tổ chức bằng tiếng Anh", input.OrganisationEn, AgencyLimits.Text, multiline: true);
        var addressEn = check.Optional(nameof(input.AddressEn), "địa chỉ bằng tiếng Anh", input.AddressEn, AgencyLimits.Address);
        var contactPositionEn = check.Optional(nameof(input.ContactPositionEn), "chức vụ người phụ trách bằng tiếng Anh", input.ContactPositionEn, AgencyLimits.Position);

        var leaders = new List<UnitLeader>();
        for (var i = 0; i < input.Leaders.Count; i++)
        {
            var row = input.Leaders[i];
            var prefix = $"Leaders[{i}]";
            var name = check.Optional(prefix + ".Name", $"họ tên lãnh đạo dòng {i + 1}", row.Name, AgencyLimits.Person);
            var position = check.Optional(prefix + ".Position", $"chức vụ lãnh đạo dòng {i + 1}", row.Position, AgencyLimits.Position);
            var positionEn = check.Optional(prefix + ".PositionEn", $"chức vụ tiếng Anh dòng {i + 1}", row.PositionEn, AgencyLimits.Position);
            if (name is null && position is null && positionEn is null)
            {
                continue;
            }

            if (name is null)
            {
                check.Add(prefix + ".Name", $"Vui lòng nhập họ tên lãnh đạo ở dòng {i + 1}, hoặc xóa cả dòng.");
            }

            if (position is null)
            {
                check.Add(prefix + ".Position", $"Vui lòng nhập chức vụ của lãnh đạo ở dòng {i + 1}.");
            }

            leaders.Add(new UnitLeader { UnitId = unitId, SortOrder = leaders.Count + 1, Name = name ?? string.Empty, Position = position ?? string.Empty, PositionEn = positionEn });
        }

        if (leaders.Count > AgencyLimits.Leaders)
        {
            check.Add("Leaders", $"Danh sách lãnh đạo có tối đa {AgencyLimits.Leaders} người.");
        }

        if (!check.IsValid)
        {
            return AgencySaveResult.Invalid(check.Errors);
        }

        var profile = await db.UnitProfiles.Include(p => p.Leaders).FirstOrDefaultAsync(p => p.UnitId == unitId, cancellationToken);
        if (profile is null)
        {
            profile = new UnitProfile { UnitId = unitId };
            db.UnitProfiles.Add(profile);
        }

        profile.Functions = functions;
        profile.Organisation = organisation;
        profile.Address = address;
        profile.Phone = phone;
        profile.Fax = fax;
        profile.Email = email;
        profile.Hotline = hotline;
        profile.ContactName = contactName;
        profile.ContactPosition = contactPosition;
        profile.ContactPhone = contactPhone;
        profile.ContactEmail = contactEmail;
        profile.NameEn = nameEn;
        profile.FunctionsEn = functionsEn;
        profile.OrganisationEn = organisationEn;
        profile.AddressEn = addressEn;
        profile.ContactPositionEn = contactPositionEn;
        db.UnitLeaders.RemoveRange(profile.Leaders);
        profile.Leaders.Clear();
        profile.Leaders.AddRange(leaders);
        profile.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;

        var id = unitId.ToString(CultureInfo.InvariantCulture);
        audit.Add(AuditActions.UnitProfileChanged, AuditTargets.UnitProfile, id,
            $"{unit.Name}: điện thoại {phone ?? "(trống)"}, thư điện tử {email ?? "(trống)"}, đường dây nóng {hotline ?? "(trống)"}, {leaders.Count} lãnh đạo, người phụ trách {contactName ?? "(trống)"}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.PublishAsync(new ContentChange(ContentTypes.UnitProfile, id, "saved"));
        return AgencySaveResult.Done($"Đã lưu giới thiệu và liên hệ của {unit.Name}.");
    }

    private sealed record CurrentUnit(int Id, string Slug, string Name);

    private async Task<CurrentUnit?> CurrentUnitAsync(int unitId, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        return await db.PublishingUnits.AsNoTracking()
            .Where(u => u.Id == unitId && (u.ActiveFrom == null || u.ActiveFrom <= today) && (u.ActiveUntil == null || u.ActiveUntil >= today))
            .Select(u => new CurrentUnit(u.Id, u.Slug, u.Name)).FirstOrDefaultAsync(cancellationToken);
    }
}
