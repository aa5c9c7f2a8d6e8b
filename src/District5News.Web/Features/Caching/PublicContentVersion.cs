using District5News.Web.Features.Articles;
using District5News.Web.Features.Counting;
using Microsoft.AspNetCore.OutputCaching;

namespace District5News.Web.Features.Caching;

/// <summary>A number that moves each time the public content changes (each eviction of <see cref="PublicContentCache.Tag"/>).</summary>
public sealed class PublicContentVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    internal void Advance() => Interlocked.Increment(ref _current);
}

/// <summary>
/// The output-cache store with one addition: evicting the public pages' tag (what <see cref="PublicContentCache"/>
/// does on every publishing change) also moves <see cref="PublicContentVersion"/> and drops the stored counts kept
/// in memory, so everything derived from the old content is recomputed.
/// </summary>
internal sealed class ContentChangeAwareOutputCacheStore(IOutputCacheStore inner, PublicContentVersion version, VisitCounter counter)
    : IOutputCacheBufferStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (tag == PublicContentCache.Tag)
        {
            // Before the eviction: a page rendered from the old content and finishing now sees the change and is not stored.
            version.Advance();
            counter.ForgetStoredArticleViews();
            counter.InvalidateStoredTotal();
        }

        await inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);

    public ValueTask<bool> TryGetAsync(string key, System.IO.Pipelines.PipeWriter destination, CancellationToken cancellationToken) =>
        inner is IOutputCacheBufferStore buffers
            ? buffers.TryGetAsync(key, destination, cancellationToken)
            : TryGetSlowAsync(key, destination, cancellationToken);

    public ValueTask SetAsync(string key, System.Buffers.ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner is IOutputCacheBufferStore buffers
            ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
            : inner.SetAsync(key, System.Buffers.BuffersExtensions.ToArray(value), tags.ToArray(), validFor, cancellationToken);

    private async ValueTask<bool> TryGetSlowAsync(string key, System.IO.Pipelines.PipeWriter destination, CancellationToken cancellationToken)
    {
        var value = await inner.GetAsync(key, cancellationToken);
        if (value is null)
        {
            return false;
        }

        await destination.WriteAsync(value, cancellationToken);
        return true;
    }
}
