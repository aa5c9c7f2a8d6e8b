using StackExchange.Redis;

namespace District5News.Web.Features.Caching;

/// <summary>
/// The one connection to Redis (ConnectionStrings:Redis) that the shared page cache and the content-change relay use.
/// Opened on first use and never fatal: with Redis away the portal serves every page uncached and keeps retrying
/// (AbortOnConnectFail off), so Redis is a speed-up and a messenger, never a single point of failure.
/// </summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;

        // Redis away must cost a request nothing: fail at once (a cache miss), never queue until a timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "district5news";
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
