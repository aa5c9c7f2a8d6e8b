using System.Globalization;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Agency;

public sealed record LeaderView(string Name, string Position);

public sealed record ContactPersonView(string? Name, string? Position, string? Phone, string? Email)
{
    public bool IsEmpty => Name is null && Position is null && Phone is null && Email is null;
}

/// <summary>One unit's profile as a page shows it, in one language.</summary>
public sealed record UnitProfileView(
    string Slug,
    string Name,
    string? Functions,
    string? Organisation,
    IReadOnlyList<LeaderView> Leaders,
    string? Address,
    string? Phone,
    string? Fax,
    string? Email,
    string? Hotline,
    ContactPersonView Contact)
{
    public bool HasContacts => Address is not null || Phone is not null || Fax is not null || Email is not null || Hotline is not null;
}

public sealed record UnitLink(string Slug, string Name, string AboutUrl, string ContactUrl, bool IsCurrent);

/// <summary>/gioi-thieu or /lien-he: the chosen unit's profile and links to the other current units.</summary>
public sealed record UnitProfilePageViewModel(UnitProfileView Profile, IReadOnlyList<UnitLink> Units, bool IsDefault, SiteContacts PortalContacts);

/// <summary>/en: the organisation and contacts of every current unit, in English.</summary>
public sealed record EnglishPageViewModel(IReadOnlyList<UnitProfileView> Units);

public static class AgencyUrls
{
    public const string About = SiteRoutes.About;
    public const string Contact = SiteRoutes.Contact;

    public static string AboutUnit(string slug, string defaultSlug) =>
        slug == defaultSlug ? SiteRoutes.About : RouteLink.Fill(SiteRoutes.AboutUnit, ("slug", slug));

    public static string ContactUnit(string slug, string defaultSlug) =>
        slug == defaultSlug ? SiteRoutes.Contact : RouteLink.Fill(SiteRoutes.ContactUnit, ("slug", slug));

    public static string EditProfile(int unitId) => RouteLink.Fill(AdminRoutes.UnitProfileEdit, ("id", unitId));
}

/// <summary>Reads the profiles the public pages show: only units that publish today (the three wards, not the archive).</summary>
public sealed class UnitProfileQueries(NewsDbContext db, SiteSettingsCache settings, TimeProvider clock)
{
    /// <summary>The profile of <paramref name="slug"/> (null: the default unit), or null when that unit is not current.</summary>
    public async Task<UnitProfilePageViewModel?> GetPageAsync(string? slug, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var units = await CurrentUnits().Select(u => new { u.Id, u.Slug, u.Name }).ToListAsync(cancellationToken);
        var wanted = slug ?? site.DefaultUnitSlug;
        var unit = units.FirstOrDefault(u => u.Slug == wanted) ?? (slug is null ? units.FirstOrDefault() : null);
        if (unit is null)
        {
            return null;
        }

        var profile = await LoadAsync(unit.Id, cancellationToken);
        var links = units.Select(u => new UnitLink(u.Slug, u.Name, AgencyUrls.AboutUnit(u.Slug, site.DefaultUnitSlug),
            AgencyUrls.ContactUnit(u.Slug, site.DefaultUnitSlug), u.Id == unit.Id)).ToList();
        return new UnitProfilePageViewModel(Vietnamese(unit.Slug, unit.Name, profile), links, unit.Slug == site.DefaultUnitSlug, site.Contacts);
    }

    public async Task<EnglishPageViewModel> GetEnglishAsync(CancellationToken cancellationToken)
    {
        var units = await CurrentUnits().Select(u => new { u.Id, u.Slug, u.Name }).ToListAsync(cancellationToken);
        var result = new List<UnitProfileView>(units.Count);
        foreach (var unit in units)
        {
            var p = await LoadAsync(unit.Id, cancellationToken);
            result.Add(new UnitProfileView(
                unit.Slug, p?.NameEn ?? unit.Name,
                p?.FunctionsEn, p?.OrganisationEn,
                p?.Leaders.OrderBy(l => l.SortOrder).Select(l => new LeaderView(l.Name, l.PositionEn ?? l.Position)).ToList() ?? [],
                p?.AddressEn ?? p?.Address, p?.Phone, p?.Fax, p?.Email, p?.Hotline,
                new ContactPersonView(p?.ContactName, p?.ContactPositionEn ?? p?.ContactPosition, p?.ContactPhone, p?.ContactEmail)));
        }

        return new EnglishPageViewModel(result);
    }

    private IQueryable<PublishingUnit> CurrentUnits()
    {
        var today = VietnamTime.Today(clock);
        return db.PublishingUnits.AsNoTracking()
            .Where(u => (u.ActiveFrom == null || u.ActiveFrom <= today) && (u.ActiveUntil == null || u.ActiveUntil >= today))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name);
    }

    private Task<UnitProfile?> LoadAsync(int unitId, CancellationToken cancellationToken) =>
        db.UnitProfiles.AsNoTracking().Include(p => p.Leaders).FirstOrDefaultAsync(p => p.UnitId == unitId, cancellationToken);

    private static UnitProfileView Vietnamese(string slug, string name, UnitProfile? p) => new(
        slug, name, p?.Functions, p?.Organisation,
        p?.Leaders.OrderBy(l => l.SortOrder).Select(l => new LeaderView(l.Name, l.Position)).ToList() ?? [],
        p?.Address, p?.Phone, p?.Fax, p?.Email, p?.Hotline,
        new ContactPersonView(p?.ContactName, p?.ContactPosition, p?.ContactPhone, p?.ContactEmail));
}
