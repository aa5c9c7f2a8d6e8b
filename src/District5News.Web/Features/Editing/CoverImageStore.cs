using District5News.Web.Data.Entities;
using District5News.Web.Features.Photos;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Editing;

/// <summary>
/// The uploads folder as the bulletin form sees it: the cover's size limit, and removing the cover files of purged
/// bulletins. New covers go through the image pipeline (<see cref="ImagePipeline"/>) into the media library; covers
/// uploaded before it (/uploads/yyyy/MM/…) are still served and removed here.
/// </summary>
public sealed class CoverImageStore(IOptions<UploadOptions> options, IHostEnvironment environment, ILogger<CoverImageStore> logger)
{
    public const long MaxBytes = ArticleLimits.CoverBytes;

    /// <summary>The request limit on forms that carry a cover: a little above <see cref="MaxBytes"/> so a slightly larger file still reaches the form with a clear message.</summary>
    public const long RequestLimitBytes = MaxBytes + (1024 * 1024);

    public static readonly string TooLargeMessage = $"Ảnh bìa quá lớn: tối đa {ArticleLimits.CoverSizeText}. Vui lòng chọn ảnh nhỏ hơn.";

    public string RootFolder { get; } = options.Value.FullPath(environment);

    /// <summary>
    /// Removes a stored cover file (a purged bulletin's). Paths outside the uploads folder are ignored, and so are the
    /// media library's files: a photo there may be in other bulletins' bodies or covers.
    /// </summary>
    public void Delete(string? publicPath)
    {
        if (publicPath is null || !publicPath.StartsWith(UploadOptions.RequestPath + "/", StringComparison.Ordinal)
            || publicPath.StartsWith(MediaPaths.PublicPrefix, StringComparison.Ordinal))
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
