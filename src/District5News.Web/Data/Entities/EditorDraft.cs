namespace District5News.Web.Data.Entities;

/// <summary>
/// What one staff member last typed into one bulletin's form, kept by the form's autosave until they save the
/// bulletin (or discard the draft). One per staff member per bulletin; <see cref="ArticleId"/> is null for a bulletin
/// not saved yet. Only its owner ever sees it.
/// </summary>
public sealed class EditorDraft
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public int? ArticleId { get; set; }

    /// <summary>The bulletin's version the form was loaded from: a restored draft saved on top of a newer version is a conflict, never an overwrite.</summary>
    public Guid? BaseVersion { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Lead { get; set; } = string.Empty;

    /// <summary>The body as typed, sanitized like every stored body.</summary>
    public string BodyHtml { get; set; } = string.Empty;

    /// <summary>The chosen category, as sent; not a foreign key, so a category removed meanwhile does not lose the draft.</summary>
    public int? CategoryId { get; set; }

    /// <summary>The publication day and time fields as typed (possibly half typed): the form shows them again as they were.</summary>
    public string PublishDate { get; set; } = string.Empty;

    public string PublishTime { get; set; } = string.Empty;

    public bool ByNewsroom { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
