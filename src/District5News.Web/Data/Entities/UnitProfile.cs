namespace District5News.Web.Data.Entities;

/// <summary>
/// A unit's "Giới thiệu / Liên hệ" (Nghị định 42/2022/NĐ-CP, Art. 4(1)(e); English, Art. 7(2)): functions,
/// organisation, leaders, contacts and the portal's contact person, in Vietnamese and English. Plain text only:
/// the pages print it encoded, line breaks kept, so nothing an administrator types is ever markup.
/// </summary>
public class UnitProfile
{
    /// <summary>The publishing unit this profile belongs to (one profile per unit).</summary>
    public int UnitId { get; set; }

    public PublishingUnit? Unit { get; set; }

    /// <summary>Chức năng, nhiệm vụ, quyền hạn.</summary>
    public string? Functions { get; set; }

    /// <summary>Cơ cấu tổ chức.</summary>
    public string? Organisation { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? Email { get; set; }

    public string? Hotline { get; set; }

    /// <summary>The official in charge of the portal's content for this unit (đầu mối liên hệ).</summary>
    public string? ContactName { get; set; }

    public string? ContactPosition { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>English texts for /en: the unit's English name, functions, organisation, address, contact's position.</summary>
    public string? NameEn { get; set; }

    public string? FunctionsEn { get; set; }

    public string? OrganisationEn { get; set; }

    public string? AddressEn { get; set; }

    public string? ContactPositionEn { get; set; }

    public List<UnitLeader> Leaders { get; set; } = [];

    public DateTime? UpdatedAtUtc { get; set; }
}

/// <summary>One of a unit's leaders as the profile lists them, in order.</summary>
public class UnitLeader
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public int SortOrder { get; set; }

    public required string Name { get; set; }

    public required string Position { get; set; }

    public string? PositionEn { get; set; }
}

/// <summary>A link on /thu-tuc-hanh-chinh: a public service portal or a procedure residents ask about.</summary>
public class ProcedureLink
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>An absolute http or https address (checked on save).</summary>
    public required string Url { get; set; }

    /// <summary>The heading it is listed under; groups appear in the order of their first link.</summary>
    public required string Group { get; set; }

    public int SortOrder { get; set; }

    public string? Description { get; set; }
}
