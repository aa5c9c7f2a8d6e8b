namespace District5News.Web.Data.Entities;

/// <summary>
/// Who publishes a bulletin: the District 5 People's Committee (the archive, until 30/06/2025), one of its numbered
/// wards (historical), or one of the three wards that took over the district on 01/07/2025. Units are data an
/// administrator edits; a unit is never deleted, only ended (<see cref="ActiveUntil"/>), because bulletins keep it.
/// </summary>
public class PublishingUnit
{
    public int Id { get; set; }

    /// <summary>URL key, lower-case ASCII; unique (quan-5, cho-quan, an-dong, cho-lon, phuong-1 … phuong-15).</summary>
    public required string Slug { get; set; }

    /// <summary>The name residents read as the publisher ("UBND Quận 5", "Phường Chợ Lớn", "Phường 11").</summary>
    public required string Name { get; set; }

    public PublishingUnitKind Kind { get; set; }

    /// <summary>First day it published as this unit (Vietnam calendar); null when older than the portal's records.</summary>
    public DateOnly? ActiveFrom { get; set; }

    /// <summary>Last day it existed as this unit; null while it still publishes.</summary>
    public DateOnly? ActiveUntil { get; set; }

    /// <summary>The unit that took it over (a ward merged into another ward, or into a 2025 ward); null if none.</summary>
    public int? SuccessorId { get; set; }

    public PublishingUnit? Successor { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The resolution that ended it or created it, as residents would cite it (e.g. "Nghị quyết 1685/NQ-UBTVQH15").</summary>
    public string? Basis { get; set; }

    public bool IsActiveOn(DateOnly day) =>
        (ActiveFrom is null || ActiveFrom <= day) && (ActiveUntil is null || day <= ActiveUntil);
}

public enum PublishingUnitKind
{
    /// <summary>The district People's Committee (UBND Quận 5), abolished as a level of government on 01/07/2025.</summary>
    District = 0,

    /// <summary>A ward People's Committee.</summary>
    Ward = 1,
}

/// <summary>An editor's membership of a unit: the editor may write, publish and remove that unit's bulletins.</summary>
public class StaffUnitMembership
{
    public required string UserId { get; set; }

    public int UnitId { get; set; }

    public PublishingUnit? Unit { get; set; }
}
