namespace District5News.Web.Features.Photos;

/// <summary>The image pipeline's limits, written once for the code, the messages and the docs (docs/editing.md, ADR 8).</summary>
public static class PhotoLimits
{
    /// <summary>The largest photo file accepted into the media library (a 50-megapixel phone JPEG is 15-25 MB).</summary>
    public const long MaxBytes = 25 * 1024 * 1024;

    public static readonly string MaxSizeText = $"{MaxBytes / (1024 * 1024)} MB";

    /// <summary>The most pixels a photo may have, read from its header before any decoding (a decompression bomb claims far more).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The longest side accepted, whatever the pixel count (a 100000×10 strip is no photo).</summary>
    public const int MaxSide = 16_000;

    /// <summary>The widths the pipeline stores (never wider than the photo itself).</summary>
    public static readonly int[] StandardWidths = [480, 960, 1600];

    /// <summary>A standard width is skipped when the photo is barely wider (a 500-pixel photo is stored once, at 500).</summary>
    public const double SkipWidthWithin = 0.9;

    public const int JpegQuality = 82;

    public const int WebpQuality = 78;

    /// <summary>Photos decoded at once: each may hold up to <see cref="MaxPixels"/> × 4 bytes, so memory stays bounded.</summary>
    public const int ConcurrentDecodes = 2;

    /// <summary>The image library's own cap on one buffer, just above one photo of <see cref="MaxPixels"/> RGBA pixels.</summary>
    public const int AllocationLimitMegabytes = (int)(MaxPixels * 4 / (1024 * 1024)) + 32;

    public const int AltTextLength = 300;

    public const int CaptionLength = 500;

    public const int CreditLength = 150;
}
