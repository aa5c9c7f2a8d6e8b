using System.Collections.Concurrent;
using System.Net;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// The app in the Production environment, as it runs behind nginx: Secure-only staff cookies, HSTS, and forwarded
/// headers honoured only from the known proxies (the defaults, 127.0.0.1 and ::1, plus the network 10.20.0.0/16).
/// TestServer gives requests no client address, so a test names it in <see cref="RemoteAddressHeader"/> and a
/// startup filter, ahead of the whole pipeline, puts it where Kestrel would.
/// </summary>
public class ProductionSiteFactory : NewsAppFactory
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";
    public const string PublicHost = "tintuc.quan5.example";
    public const string TrustedNetwork = "10.20.0.0/16";

    /// <summary>Configuration on top of appsettings.json and appsettings.Production.json.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Warnings and errors the app logged, rendered with their properties.</summary>
    public LoggedEvents Logged { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:CreateIfMissing", "true");
        builder.UseSetting("ForwardedHeaders:KnownNetworks:0", TrustedNetwork);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
            services.AddSingleton<ILogEventSink>(Logged);
        });
    }

    /// <summary>
    /// A client talking plain HTTP to the portal as a proxy (or a stranger) at <paramref name="remoteAddress"/> does,
    /// optionally saying the client came in over HTTPS. Cookies are left to the test: an HttpClient cookie store
    /// never sends a Secure cookie over http, but a proxy passes the browser's cookies on.
    /// </summary>
    public HttpClient CreateProxiedClient(string remoteAddress, bool forwardedHttps, string host = PublicHost)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri($"http://{host}"),
        });
        client.DefaultRequestHeaders.Add(RemoteAddressHeader, remoteAddress);
        if (forwardedHttps)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    /// <summary>A browser on HTTPS at the public host name (HSTS is never sent to localhost).</summary>
    public HttpClient CreateHttpsBrowser()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri($"https://{PublicHost}"),
        });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[RemoteAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Collects what the app logs at Warning and above.</summary>
public sealed class LoggedEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> All => _events.ToList();

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level >= LogEventLevel.Warning)
        {
            _events.Enqueue(logEvent);
        }
    }
}

/// <summary>What a browser keeps between requests, carried by hand (see <see cref="ProductionSiteFactory.CreateProxiedClient"/>).</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            _cookies[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        Keep(response);
        return response;
    }
}
