using System.Globalization;
using System.Text.RegularExpressions;
using District5News.Web.Features.Editing;

namespace District5News.Web.Features.Photos;

/// <summary>The stored files' format.</summary>
public enum PhotoFormat
{
    Jpeg,
    WebP,
}

/// <summary>
/// Where a photo's files are: /uploads/media/{first two digits of the key}/{key}-{width}.{webp|jpg}, under the
/// configured uploads folder. The key is a fingerprint of the files' content, so a name never gets other bytes and
/// the files may be cached for a year (docs/decisions/0008-image-pipeline.md).
/// </summary>
public static partial class MediaPaths
{
    public const int KeyLength = 32;

    /// <summary>The folder inside the uploads folder (and the path below <see cref="UploadOptions.RequestPath"/>).</summary>
    public const string Folder = "media";

    public const string PublicPrefix = UploadOptions.RequestPath + "/" + Folder + "/";

    /// <summary>The file name relative to the uploads folder, with '/' separators.</summary>
    public static string RelativeFile(string key, int width, PhotoFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{Folder}/{key[..2]}/{key}-{width}.{Extension(format)}");

    public static string Public(string key, int width, PhotoFormat format) =>
        UploadOptions.RequestPath + "/" + RelativeFile(key, width, format);

    public static string Extension(PhotoFormat format) => format == PhotoFormat.WebP ? "webp" : "jpg";

    /// <summary>The key of a path this pipeline made (any width, either format); null for anything else.</summary>
    public static string? KeyOf(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var match = PathPattern().Match(path);
        return match.Success && match.Groups["shard"].Value == match.Groups["key"].Value[..2] ? match.Groups["key"].Value : null;
    }

    [GeneratedRegex(@"^/uploads/media/(?<shard>[0-9a-f]{2})/(?<key>[0-9a-f]{32})-[1-9][0-9]{0,4}\.(?:jpg|webp)\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
