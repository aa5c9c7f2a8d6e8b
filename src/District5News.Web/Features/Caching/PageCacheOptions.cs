using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Caching;

/// <summary>The "PageCache" section: the output cache of the public pages.</summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a cached page lives. Changes evict at once by tag and scheduled bulletins end every entry at
    /// their time, so this only bounds what nothing evicts: another instance's publishing (with a per-instance
    /// memory store) and a page rendered from data read just before a change but stored just after it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory the cached pages may take; the least used go first when it is full.</summary>
    [Range(1, 4096)]
    public int SizeLimitMegabytes { get; set; } = 64;
}
