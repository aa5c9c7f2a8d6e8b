using District5News.Web.Data;
using District5News.Web.Data.Configurations;
using District5News.Web.Features.Caching;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Agency;

/// <summary>The portal's contacts as the footer shows them: the settings' own, each empty one taken from the default unit's profile.</summary>
public sealed record SiteContacts(string? Address, string? Phone, string? Email, string? Hotline)
{
    public bool IsEmpty => Address is null && Phone is null && Email is null && Hotline is null;
}

/// <summary>How the portal names itself and its publisher, read from the site settings (<see cref="SiteSettingsCache"/>).</summary>
public sealed record SiteIdentity(
    string SiteName,
    string GoverningBody,
    string ResponsibilityLine,
    string Description,
    string DefaultUnitSlug,
    string DefaultUnitName,
    SiteContacts Contacts,
    string SiteNameEn,
    string GoverningBodyEn,
    string ResponsibilityLineEn)
{
    /// <summary>What a page shows when the settings row is missing (a database restored from before it existed, say).</summary>
    public static SiteIdentity Defaults { get; } = new(
        SiteSettingsDefaults.SiteName, SiteSettingsDefaults.GoverningBody, SiteSettingsDefaults.ResponsibilityLine,
        SiteSettingsDefaults.Description, "cho-lon", "Phường Chợ Lớn", new SiteContacts(null, null, null, null),
        SiteSettingsDefaults.SiteNameEn, SiteSettingsDefaults.GoverningBodyEn, SiteSettingsDefaults.ResponsibilityLineEn);
}

/// <summary>
/// The site settings every page reads (header, footer, title, previews, feeds), read once and kept until public
/// content changes: the settings and profile editors publish <see cref="PublicContentChanges"/> after saving, which
/// also drops the cached pages that show the old name.
/// </summary>
public sealed class SiteSettingsCache(IServiceScopeFactory scopes, PublicContentVersion version) : IPublicContentChangeHandler
{
    private SiteIdentity? _identity;

    public async Task<SiteIdentity> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_identity is { } cached)
        {
            return cached;
        }

        // A read that overlaps a save is used for this page only, never kept: the next page reads the new values.
        var seen = version.Current;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var row = await db.SiteSettings.AsNoTracking()
            .Select(s => new
            {
                s.SiteName, s.GoverningBody, s.ResponsibilityLine, s.Description, s.Address, s.Phone, s.Email, s.Hotline,
                s.SiteNameEn, s.GoverningBodyEn, s.ResponsibilityLineEn,
                UnitSlug = s.DefaultUnit!.Slug, UnitName = s.DefaultUnit.Name, s.DefaultUnitId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Keep(SiteIdentity.Defaults, seen);
        }

        var unit = await db.UnitProfiles.AsNoTracking().Where(p => p.UnitId == row.DefaultUnitId)
            .Select(p => new { p.Address, p.Phone, p.Email, p.Hotline }).FirstOrDefaultAsync(cancellationToken);
        var identity = new SiteIdentity(
            row.SiteName, row.GoverningBody, row.ResponsibilityLine, row.Description, row.UnitSlug, row.UnitName,
            new SiteContacts(row.Address ?? unit?.Address, row.Phone ?? unit?.Phone, row.Email ?? unit?.Email, row.Hotline ?? unit?.Hotline),
            row.SiteNameEn ?? row.SiteName, row.GoverningBodyEn ?? row.GoverningBody, row.ResponsibilityLineEn ?? row.ResponsibilityLine);
        return Keep(identity, seen);
    }

    private SiteIdentity Keep(SiteIdentity identity, long seen)
    {
        if (version.Current == seen)
        {
            _identity = identity;
        }

        return identity;
    }

    /// <summary>Any change may be the settings or the default unit's profile: read them again on the next page.</summary>
    public ValueTask OnPublicContentChangedAsync(ContentChange change)
    {
        _identity = null;
        return ValueTask.CompletedTask;
    }
}
