namespace District5News.Web.Data.Entities;

/// <summary>
/// Who runs the portal and how it names itself: one row (<see cref="SingletonId"/>), edited by an administrator at
/// /admin/cai-dat, so a successor ward can run the portal under its own name without a code change. Read through
/// <c>SiteSettingsCache</c>; every page, feed and preview that names the site or its publisher reads it.
/// </summary>
public class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The portal's name: page titles, the header, feeds, previews, the printed source line.</summary>
    public required string SiteName { get; set; }

    /// <summary>The agency that owns the portal (cơ quan chủ quản): the header's upper line and the publisher in JSON-LD.</summary>
    public required string GoverningBody { get; set; }

    /// <summary>The footer's "Chịu trách nhiệm chính: …" line, as typed (it names the person or the office).</summary>
    public required string ResponsibilityLine { get; set; }

    /// <summary>The short description search engines and share previews show.</summary>
    public required string Description { get; set; }

    /// <summary>The unit whose introduction and contacts /gioi-thieu and /lien-he show first, and the footer falls back to.</summary>
    public int DefaultUnitId { get; set; }

    public PublishingUnit? DefaultUnit { get; set; }

    /// <summary>The portal's own contacts (the footer); an empty one falls back to the default unit's profile.</summary>
    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Hotline { get; set; }

    /// <summary>The English page (/en): the portal's name, the agency and the responsibility line in English.</summary>
    public string? SiteNameEn { get; set; }

    public string? GoverningBodyEn { get; set; }

    public string? ResponsibilityLineEn { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
