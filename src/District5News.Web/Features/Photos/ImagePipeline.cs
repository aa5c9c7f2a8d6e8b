using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace District5News.Web.Features.Photos;

/// <summary>One stored copy of a photo.</summary>
public sealed record EncodedPhoto(int Width, int Height, PhotoFormat Format, byte[] Bytes);

/// <summary>A photo after the pipeline: only pixels, at a few widths, in WebP and JPEG; named by <see cref="Key"/>.</summary>
public sealed record ProcessedPhoto(string Key, int Width, int Height, IReadOnlyList<EncodedPhoto> Files)
{
    public IReadOnlyList<int> Widths => Files.Where(f => f.Format == PhotoFormat.Jpeg).Select(f => f.Width).ToList();

    public long StoredBytes => Files.Sum(f => (long)f.Bytes.Length);

    public ResponsiveImage Image => new(Key, Widths, Width, Height);
}

/// <summary>A photo the pipeline took (<see cref="Photo"/>) or refused (<see cref="Error"/>, for staff to read).</summary>
public sealed record PhotoResult(ProcessedPhoto? Photo, string? Error)
{
    public static PhotoResult Refused(string message) => new(null, message);
}

/// <summary>
/// Every uploaded photo goes through here (docs/decisions/0008-image-pipeline.md). The file is told by its bytes, never
/// by its name or the browser's word; its size is read from the header and a decompression bomb is refused before
/// any pixel is decoded; it is decoded by ImageSharp (managed code, JPEG/PNG/WebP only, memory capped), turned upright
/// by its EXIF orientation, then copied pixel by pixel into new images that never held any metadata — so no EXIF
/// (GPS positions, camera serials), XMP, IPTC or ICC block can survive — and encoded at a few widths as WebP and JPEG.
/// </summary>
public sealed class ImagePipeline : IDisposable
{
    /// <summary>Markers of a document hidden in an image (a polyglot a browser or a plug-in might read as something else).</summary>
    private static readonly string[] DocumentMarkers =
        ["<script", "<html", "<body", "<svg", "<iframe", "<object", "<embed", "<?php", "<!doctype", "%pdf-", "javascript:"];

    private readonly Configuration _configuration;
    private readonly SemaphoreSlim _decodes = new(PhotoLimits.ConcurrentDecodes);
    private readonly ILogger<ImagePipeline> _logger;

    public ImagePipeline(ILogger<ImagePipeline> logger)
    {
        _logger = logger;

        // Only the three formats a photo may come in: no GIF, TIFF, BMP, TGA or PBM decoder is reachable from an upload.
        _configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                MaximumPoolSizeMegabytes = 64,
                AllocationLimitMegabytes = PhotoLimits.AllocationLimitMegabytes,
            }),
        };
    }

    public void Dispose() => _decodes.Dispose();

    /// <summary>Checks, decodes and re-encodes <paramref name="file"/>; files over <paramref name="maxBytes"/> are refused with <paramref name="tooLargeMessage"/>.</summary>
    public async Task<PhotoResult> ProcessAsync(IFormFile file, long maxBytes, string tooLargeMessage, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return PhotoResult.Refused(PhotoMessages.Empty);
        }

        if (file.Length > maxBytes)
        {
            return PhotoResult.Refused(tooLargeMessage);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        return await ProcessAsync(bytes, cancellationToken);
    }

    public async Task<PhotoResult> ProcessAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length == 0)
        {
            return PhotoResult.Refused(PhotoMessages.Empty);
        }

        if (Image.DetectFormat(_configuration, bytes) is null)
        {
            return PhotoResult.Refused(PhotoMessages.WrongType(DescribeOther(bytes)));
        }

        if (ContainsDocument(bytes))
        {
            return PhotoResult.Refused(PhotoMessages.Polyglot);
        }

        if (IsAnimatedWebP(bytes))
        {
            return PhotoResult.Refused(PhotoMessages.Animated);
        }

        // The header only: a file of a few hundred bytes may claim 100000 × 100000 pixels.
        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration, bytes, out _);
        }
        catch (Exception ex) when (IsBadImage(ex))
        {
            return PhotoResult.Refused(PhotoMessages.Undecodable);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            return PhotoResult.Refused(PhotoMessages.Undecodable);
        }

        if ((long)info.Width * info.Height > PhotoLimits.MaxPixels || info.Width > PhotoLimits.MaxSide || info.Height > PhotoLimits.MaxSide)
        {
            return PhotoResult.Refused(PhotoMessages.TooManyPixels(info.Width, info.Height));
        }

        await _decodes.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Encode(bytes, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (IsBadImage(ex))
        {
            _logger.LogWarning(ex, "An uploaded image did not decode");
            return PhotoResult.Refused(PhotoMessages.Undecodable);
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>The widths a photo <paramref name="width"/> pixels wide is stored at: the standard ones it is clearly wider than, and its own width up to the largest.</summary>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var largest = Math.Min(width, PhotoLimits.StandardWidths[^1]);
        var widths = PhotoLimits.StandardWidths.Where(w => w < largest && w <= largest * PhotoLimits.SkipWidthWithin).ToList();
        widths.Add(largest);
        return widths;
    }

    private PhotoResult Encode(byte[] bytes, CancellationToken cancellationToken)
    {
        using var decoded = Image.Load<Rgba32>(_configuration, bytes);
        decoded.Mutate(x => x.AutoOrient());

        var files = new List<EncodedPhoto>();
        foreach (var width in WidthsFor(decoded.Width))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var height = Math.Max(1, (int)Math.Round((double)decoded.Height * width / decoded.Width, MidpointRounding.AwayFromZero));
            using var resized = width == decoded.Width
                ? decoded.Clone(x => x.BackgroundColor(Color.White))
                : decoded.Clone(x => x.Resize(width, height, KnownResamplers.Lanczos3).BackgroundColor(Color.White));
            using var clean = PixelsOnly(resized);
            files.Add(new EncodedPhoto(width, height, PhotoFormat.WebP, Save(clean, new WebpEncoder { Quality = PhotoLimits.WebpQuality, FileFormat = WebpFileFormatType.Lossy })));
            files.Add(new EncodedPhoto(width, height, PhotoFormat.Jpeg, Save(clean, new JpegEncoder { Quality = PhotoLimits.JpegQuality })));
        }

        var largest = files[^1];
        return new PhotoResult(new ProcessedPhoto(Fingerprint(files), largest.Width, largest.Height, files), null);
    }

    /// <summary>
    /// A new image made from the pixels alone. Clearing the profiles of the decoded image would rely on knowing every
    /// block an encoder might copy (EXIF, XMP, IPTC, ICC, PNG text chunks, JPEG comments, per-frame copies of each);
    /// an image that never held any has nothing to leak.
    /// </summary>
    private Image<Rgb24> PixelsOnly(Image<Rgba32> source)
    {
        var pixels = new Rgb24[source.Width * source.Height];
        using (var opaque = source.CloneAs<Rgb24>())
        {
            opaque.CopyPixelDataTo(pixels);
        }

        return Image.LoadPixelData<Rgb24>(_configuration, pixels, source.Width, source.Height);
    }

    private static byte[] Save(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    /// <summary>The first 32 hex digits of the SHA-256 of every stored file, in order: the same files, the same name; other bytes, another name.</summary>
    private static string Fingerprint(IEnumerable<EncodedPhoto> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(file.Bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..MediaPaths.KeyLength];
    }

    /// <summary>
    /// Anything a decoder throws on an uploaded file means "this file does not decode", not a server fault: besides its
    /// own exception types, ImageSharp 2.1.13 throws a NullReferenceException on a JPEG cut off before its image data
    /// (ImagePipelineTests). Only a cancelled request is not the file's fault.
    /// </summary>
    private static bool IsBadImage(Exception ex) => ex is not OperationCanceledException;

    /// <summary>A document or a script anywhere in the file: the image decodes, but the file is something else too.</summary>
    internal static bool ContainsDocument(ReadOnlySpan<byte> bytes)
    {
        foreach (var marker in DocumentMarkers)
        {
            if (IndexOfIgnoreCase(bytes, Encoding.ASCII.GetBytes(marker)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var first = needle[0];
        var start = 0;
        while (start <= haystack.Length - needle.Length)
        {
            var at = haystack[start..].IndexOfAny(first, (byte)char.ToUpperInvariant((char)first));
            if (at < 0 || start + at > haystack.Length - needle.Length)
            {
                return -1;
            }

            var candidate = haystack.Slice(start + at, needle.Length);
            if (System.Text.Ascii.EqualsIgnoreCase(candidate, needle))
            {
                return start + at;
            }

            start += at + 1;
        }

        return -1;
    }

    /// <summary>A WebP whose extended header (VP8X) sets the animation flag.</summary>
    private static bool IsAnimatedWebP(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 21 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
        && bytes[12..16].SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0;

    /// <summary>What a refused file seems to be, for the message (null when it is nothing we recognise).</summary>
    internal static string? DescribeOther(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 64)];
        var trimmed = head.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        if (head.StartsWith("%PDF-"u8))
        {
            return "đây là tệp PDF";
        }

        if (trimmed.StartsWith("<"u8))
        {
            return "đây là trang web, ảnh SVG hoặc tệp văn bản có mã";
        }

        if (head.StartsWith("GIF8"u8))
        {
            return "đây là ảnh GIF";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "đây là tệp nén hoặc tài liệu Word, Excel";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return brand is "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1" or "avif"
                ? "đây là ảnh HEIC/AVIF của điện thoại: hãy chọn “Tương thích nhất” trong Cài đặt › Camera › Định dạng, hoặc gửi ảnh dưới dạng JPEG"
                : "đây là tệp video";
        }

        return null;
    }
}
