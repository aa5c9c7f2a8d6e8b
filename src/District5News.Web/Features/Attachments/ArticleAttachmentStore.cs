using System.Text;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Files;
using District5News.Web.Features.Vietnamese;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Attachments;

/// <summary>
/// Attachment files on disk, under the uploads folder in <see cref="Folder"/>, with generated names and no extension:
/// the uploads folder's static-file middleware serves only known extensions, so these files are reachable only through
/// the download action (Content-Disposition: attachment, nosniff), never opened in the portal's own origin.
/// </summary>
public sealed class ArticleAttachmentStore(IOptions<UploadOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<ArticleAttachmentStore> logger)
{
    public const string Folder = "tep-dinh-kem";

    private static readonly string[] DocumentExtensions = [".pdf", ".docx", ".xlsx", ".doc", ".xls", ".docm", ".xlsm", ".dotx", ".xltx"];

    public string RootFolder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

    /// <summary>Writes the upload as tep-dinh-kem/yyyy/MM/guid and returns that relative path.</summary>
    public async Task<string> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var relative = $"{Folder}/{today:yyyy}/{today:MM}/{Guid.NewGuid():N}";
        var fullPath = FullPath(relative)!;
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using var target = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await file.CopyToAsync(target, cancellationToken);
        return relative;
    }

    /// <summary>The file for reading, or null when it is missing (or the path points outside the attachments folder).</summary>
    public FileStream? Open(string storedPath)
    {
        var fullPath = FullPath(storedPath);
        if (fullPath is null || !File.Exists(fullPath))
        {
            return null;
        }

        return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
    }

    public void Delete(string storedPath)
    {
        if (FullPath(storedPath) is not { } fullPath)
        {
            return;
        }

        try
        {
            File.Delete(fullPath);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete attachment {Path}", fullPath);
        }
    }

    /// <summary>
    /// The name residents download the file as: the uploaded name's last segment in NFC, without characters a file
    /// system refuses, with the extension the content calls for (a PDF named .docx downloads as .pdf).
    /// </summary>
    public static string DownloadName(string uploadedName, DocumentKind kind)
    {
        var name = Path.GetFileName(uploadedName.Replace('\\', '/')).Normalize(NormalizationForm.FormC);
        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && "<>:\"/\\|?*".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                cleaned.Append(c);
            }
        }

        var stem = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var extension = Path.GetExtension(stem);
        if (DocumentExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            stem = stem[..^extension.Length];
        }

        stem = stem.Trim(' ', '.');
        if (stem.Length == 0)
        {
            stem = "tep-dinh-kem";
        }

        var suffix = DocumentKinds.Extension(kind);
        var room = AttachmentLimits.FileNameLength - suffix.Length;
        if (stem.Length > room)
        {
            stem = stem[..room];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }

        return stem + suffix;
    }

    private string? FullPath(string relative)
    {
        if (!relative.StartsWith(Folder + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var fullPath = Path.GetFullPath(Path.Combine(RootFolder, relative));
        return fullPath.StartsWith(RootFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? fullPath : null;
    }
}
