namespace District5News.Web.Data.Entities;

/// <summary>
/// One uploaded photo, after the image pipeline: its files are re-encoded copies at a few widths, in WebP and JPEG,
/// named by <see cref="Key"/> (a fingerprint of their content; docs/decisions/0008-image-pipeline.md). Alt text is
/// required: every photo is shown to people who cannot see it. Not tied to a publishing unit yet.
/// </summary>
public class Media
{
    public int Id { get; set; }

    /// <summary>The content fingerprint every file name of this photo starts with (32 lower-case hex digits).</summary>
    public required string Key { get; set; }

    /// <summary>The widths stored, ascending, comma-separated ("480,960,1600"); the last is <see cref="Width"/>.</summary>
    public required string Widths { get; set; }

    /// <summary>The size of the largest stored copy, after EXIF orientation was applied.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The largest JPEG's public path: what a cover or a body image names (covers look their photo up by it).</summary>
    public required string FallbackPath { get; set; }

    /// <summary>The bytes of every stored copy together.</summary>
    public long StoredBytes { get; set; }

    public required string AltText { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? UploadedById { get; set; }

    public string? UploadedByName { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
