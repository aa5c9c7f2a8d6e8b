using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Attachments;

/// <summary>The limits of files attached to bulletins (section "Attachments"); the files live under Uploads:Path.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>One file, at most (default 20 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>All files added by one save of the form, at most (default 50 MB): the bulletin form's request limit grows by this much.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Files under one bulletin, at most.</summary>
    [Range(1, 1000)]
    public int MaxFilesPerArticle { get; set; } = 20;
}
