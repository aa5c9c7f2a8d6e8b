using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Counting;

/// <summary>The "Counting" section.</summary>
public sealed class CountingOptions
{
    public const string SectionName = "Counting";

    /// <summary>How often buffered counts are written. A crash loses at most this much counting.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One browser's pages within this window are one visit, and one view of a bulletin.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan VisitWindow { get; set; } = TimeSpan.FromMinutes(30);
}
