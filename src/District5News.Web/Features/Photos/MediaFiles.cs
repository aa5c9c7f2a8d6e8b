using District5News.Web.Features.Editing;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Photos;

/// <summary>
/// Writes a processed photo's files under the uploads folder (Uploads:Path, which several instances may share). A
/// file's name is its content's fingerprint, so a file already there is the same file: it is left as it is. Each file
/// is written to a temporary name in the same folder and renamed into place, so no instance ever serves half a file.
/// </summary>
public sealed class MediaFiles(IOptions<UploadOptions> options, IHostEnvironment environment, ILogger<MediaFiles> logger)
{
    public string RootFolder { get; } = options.Value.FullPath(environment);

    public async Task WriteAsync(ProcessedPhoto photo, CancellationToken cancellationToken)
    {
        foreach (var file in photo.Files)
        {
            var target = FullPath(MediaPaths.RelativeFile(photo.Key, file.Width, file.Format));
            if (File.Exists(target))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
            try
            {
                await File.WriteAllBytesAsync(temporary, file.Bytes, cancellationToken);
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another request (or instance) stored the same photo meanwhile: same name, same bytes.
                logger.LogDebug("Media file {Path} was stored by another request", target);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
    }

    public string FullPath(string relative) => Path.Combine(RootFolder, relative.Replace('/', Path.DirectorySeparatorChar));
}
