using District5News.Web.Data.Entities;
using District5News.Web.Features.Vietnamese;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Editing;

/// <summary>The kinds of image a cover may be, told by the file's first bytes.</summary>
public enum CoverImageKind
{
    Jpeg,
    Png,
    WebP,
}

/// <summary>Checks and stores cover images under the uploads folder with generated names.</summary>
public sealed class CoverImageStore(IOptions<UploadOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<CoverImageStore> logger)
{
    public const long MaxBytes = ArticleLimits.CoverBytes;

    /// <summary>The request limit on forms that carry a cover: a little above <see cref="MaxBytes"/> so a slightly larger file still reaches the form with a clear message.</summary>
    public const long RequestLimitBytes = MaxBytes + (1024 * 1024);

    public static readonly string TooLargeMessage = $"Ảnh bìa quá lớn: tối đa {ArticleLimits.CoverSizeText}. Vui lòng chọn ảnh nhỏ hơn.";

    public const string WrongKindMessage = "Ảnh bìa phải là ảnh JPEG, PNG hoặc WebP. Tệp bạn chọn không phải là ảnh thuộc các loại này.";

    public string RootFolder { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.Path));

    /// <summary>What the file really is, read from its magic bytes (never from its name or the browser's content type); null with a message otherwise.</summary>
    public static async Task<(CoverImageKind? Kind, string? Error)> CheckAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return (null, "Tệp ảnh bìa rỗng. Vui lòng chọn lại ảnh.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, TooLargeMessage);
        }

        var header = new byte[12];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var kind = Detect(header.AsSpan(0, read));
        return kind is null ? (null, WrongKindMessage) : (kind, null);
    }

    public static CoverImageKind? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return CoverImageKind.Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return CoverImageKind.Png;
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return CoverImageKind.WebP;
        }

        return null;
    }

    /// <summary>Writes the file as yyyy/MM/guid.ext and returns its public path, e.g. /uploads/2026/11/….jpg.</summary>
    public async Task<string> SaveAsync(IFormFile file, CoverImageKind kind, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var extension = kind switch
        {
            CoverImageKind.Jpeg => ".jpg",
            CoverImageKind.Png => ".png",
            _ => ".webp",
        };
        var relative = $"{today:yyyy}/{today:MM}/{Guid.NewGuid():N}{extension}";
        var fullPath = System.IO.Path.Combine(RootFolder, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        await using (var target = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await file.CopyToAsync(target, cancellationToken);
        }

        return $"{UploadOptions.RequestPath}/{relative}";
    }

    /// <summary>Removes a stored file (a save that did not go through, a purged bulletin); paths outside the uploads folder are ignored.</summary>
    public void Delete(string? publicPath)
    {
        if (publicPath is null || !publicPath.StartsWith(UploadOptions.RequestPath + "/", StringComparison.Ordinal))
        {
            return;
        }

        var fullPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(RootFolder, publicPath[(UploadOptions.RequestPath.Length + 1)..]));
        if (!fullPath.StartsWith(RootFolder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            File.Delete(fullPath);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete upload {Path}", fullPath);
        }
    }
}
