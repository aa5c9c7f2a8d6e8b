using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace District5News.Web.Features.Caching;

/// <summary>
/// Wraps the shared (Redis) page store so that a store that does not answer is a cache miss, not an error page: a read
/// finds nothing, a write and an eviction are skipped. Pages are then rendered by each instance as if uncached. The
/// first failure of a run of them is logged as a warning, the rest quietly until the store answers again.
/// </summary>
public sealed class FailSafeOutputCacheStore(IOutputCacheStore inner, ILogger<FailSafeOutputCacheStore> logger)
    : IOutputCacheStore, IOutputCacheBufferStore
{
    private int _failing;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var value = await inner.GetAsync(key, cancellationToken);
            Recovered();
            return value;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            Recovered();
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
            Recovered();
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffers)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }

        try
        {
            var found = await buffers.TryGetAsync(key, destination, cancellationToken);
            Recovered();
            return found;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffers)
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            return;
        }

        try
        {
            await buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            Recovered();
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    private static bool IsStoreFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private void Failed(Exception ex)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            logger.LogWarning(ex, "The shared page cache does not answer: pages are rendered uncached until it does");
        }
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            logger.LogWarning("The shared page cache answers again");
        }
    }
}
