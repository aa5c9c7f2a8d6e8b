using System.ComponentModel.DataAnnotations;

namespace District5News.Web.Features.Caching;

/// <summary>The "PageCache" section: the output cache of the public pages.</summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a cached page lives. Changes evict at once by tag and scheduled bulletins end every entry at
    /// their time, so this only bounds what nothing evicts: another instance's publishing when each instance has
    /// its own memory store (set it to a few seconds there, or share the store) and a page rendered from data
    /// read just before a change but stored just after it. Rendering a page costs a few milliseconds, so a short
    /// lifetime on a large hot set costs real CPU: 2,000 bulletins every 10 s is 200 renderings a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Memory the cached pages may take; the least used go first when it is full.</summary>
    [Range(1, 4096)]
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>
    /// With ConnectionStrings:Redis: the start of every key and channel name the portal uses there, so several sites
    /// (or a staging copy) can share one Redis. All instances of one site must use the same prefix.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9:_.-]{1,64}$")]
    public string RedisKeyPrefix { get; set; } = "d5news:";
}
