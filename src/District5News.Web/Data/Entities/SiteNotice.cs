namespace District5News.Web.Data.Entities;

/// <summary>How urgent a site-wide notice is; it sets the notice's colour, its label and how it is announced.</summary>
public enum NoticeLevel
{
    Info = 0,
    Warning = 1,
    Emergency = 2,
}

/// <summary>
/// A site-wide notice (flood tide, water or power cut, dengue) shown on every public page from
/// <see cref="StartsAtUtc"/> (inclusive) until <see cref="EndsAtUtc"/> (exclusive), to the second.
/// </summary>
public class SiteNotice
{
    public const int TextLength = 500;

    public const int LinkLength = 2000;

    public int Id { get; set; }

    public NoticeLevel Level { get; set; }

    public required string Text { get; set; }

    /// <summary>An absolute http or https address, or null.</summary>
    public string? LinkUrl { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Moves with every save: a form opened before another administrator's save is refused, not applied over it.
    /// Also part of the key a resident's "close" is remembered under, so an edited notice shows again.</summary>
    public int Version { get; set; }

    public bool IsShownAt(DateTime utc) => StartsAtUtc <= utc && utc < EndsAtUtc;
}
