using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace District5News.Web.Features.Caching;

/// <summary>
/// Carries every <see cref="ContentChange"/> to the other instances over a Redis channel, and applies theirs here, so
/// what each instance derives in memory (its scheduled-publication snapshot, search answers, category menu, kept
/// count totals) follows a change made through any of them within the time a message takes (milliseconds). The shared
/// page cache itself is evicted by the instance that made the change, and again by each receiver: a page that a
/// receiver was rendering from the old content and stored after the first eviction goes with the second.
/// Messages missed while the connection was down are made up for by a full resynchronisation when it comes back.
/// </summary>
public sealed class RedisContentChangeRelay(
    RedisConnection redis, PublicContentChanges changes, IOptions<PageCacheOptions> options, ILogger<RedisContentChangeRelay> logger)
    : IContentChangeRelay, IHostedService
{
    /// <summary>Told apart from the others, so an instance does not apply its own change twice.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private ChannelMessageQueue? _queue;

    private RedisChannel Channel => RedisChannel.Literal(options.Value.RedisKeyPrefix + "content-changes");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.GetAsync();
        connection.ConnectionRestored += OnConnectionRestored;
        await SubscribeAsync(connection);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is { } queue)
        {
            await queue.UnsubscribeAsync();
        }
    }

    public async ValueTask SendAsync(ContentChange change)
    {
        try
        {
            var message = JsonSerializer.Serialize(new Message(_instance, change.ContentType, change.ContentId, change.Reason));
            var connection = await redis.GetAsync();
            await connection.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Could not tell the other instances that {ContentType} {ContentId} changed; their pages follow within PageCache:Lifetime", change.ContentType, change.ContentId);
        }
    }

    private async Task SubscribeAsync(IConnectionMultiplexer connection)
    {
        if (_queue is not null)
        {
            return;
        }

        try
        {
            var queue = await connection.GetSubscriber().SubscribeAsync(Channel);
            queue.OnMessage(OnMessageAsync);
            _queue = queue;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Redis does not answer: content changes made on other instances reach this one when it comes back");
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            var received = JsonSerializer.Deserialize<Message>(message.Message.ToString());
            if (received is not null && received.Instance != _instance)
            {
                await changes.ReceiveAsync(new ContentChange(received.ContentType, received.ContentId, received.Reason));
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A content change from another instance could not be applied");
        }
    }

    /// <summary>Changes published while this instance was cut off were missed: drop everything derived, as for any change.</summary>
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                if (sender is IConnectionMultiplexer connection)
                {
                    await SubscribeAsync(connection);
                }

                await changes.ReceiveAsync(new ContentChange(ContentTypes.Article, null, "redis-reconnected"));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Resynchronising after Redis came back failed");
            }
        });
    }

    private sealed record Message(string Instance, string ContentType, string? ContentId, string Reason);
}
