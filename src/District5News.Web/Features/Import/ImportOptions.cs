using System.ComponentModel.DataAnnotations;
using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Import;

/// <summary>
/// The "Import" section: how much one import may read. A saved bulletin page is a few kilobytes, so the limits are
/// far above any real archive and only stop mistakes (a folder of videos) and zip bombs.
/// </summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Largest upload request on the admin page (all files together, as sent).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most files one import reads, zip entries included.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFiles { get; set; } = 10_000;

    /// <summary>Most bytes one import reads, zip entries counted uncompressed.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest single file; anything bigger cannot be a saved bulletin page and is skipped unread.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>"50 MB", or "64 KB" under a megabyte (limits lowered in tests or by configuration).</summary>
    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? $"{VietnameseFormat.Number(bytes / (1024 * 1024))} MB"
        : $"{VietnameseFormat.Number(Math.Max(1, bytes / 1024))} KB";
}
