using District5News.Web.Features.Files;

namespace District5News.Web.Data.Entities;

/// <summary>A PDF, Word or Excel file attached to a bulletin, listed under it on public pages.</summary>
public sealed class ArticleAttachment
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary>Set when attaching to a bulletin saved in the same transaction (a new one has no id yet).</summary>
    public Article? Article { get; set; }

    /// <summary>The name residents download it as (the uploaded name, cleaned, with the extension its content calls for).</summary>
    public required string FileName { get; set; }

    /// <summary>Where the file is, relative to the uploads folder (a generated name, never the uploaded one).</summary>
    public required string StoredPath { get; set; }

    /// <summary>What the file's content is, told by <see cref="DocumentFileInspector"/>.</summary>
    public DocumentKind Kind { get; set; }

    public long SizeBytes { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public string? UploadedBy { get; set; }
}

/// <summary>The limits of attachment fields, for the mapping and the messages.</summary>
public static class AttachmentLimits
{
    public const int FileNameLength = 200;
    public const int StoredPathLength = 300;
}
