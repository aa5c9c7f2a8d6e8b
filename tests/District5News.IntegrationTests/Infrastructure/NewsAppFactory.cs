using System.Net;
using AngleSharp.Dom;
using District5News.Web.Data;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Caching;
using District5News.Web.Features.Counting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using District5News.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>
/// Hosts the real app over its own SQLite file (migrations applied at start, as in production), with a clock
/// tests can move. One factory per test class; the file is deleted when the class is done.
/// Like ContosoUniversity's SliceFixture it carries the wiring tests share: a service scope
/// (<see cref="ExecuteScopeAsync"/>), the database (<see cref="WithDbAsync"/>), a resident's page
/// (<see cref="GetAsReaderAsync"/>), staff browsers (<c>SignInAsync</c> in <see cref="Staff"/>), writing buffered counts
/// (<see cref="FlushCountsAsync"/>) and telling the site its content changed (<see cref="PublicContentChangedAsync"/>).
/// </summary>
public class NewsAppFactory : WebApplicationFactory<Program>
{
    public const string BrowserUserAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    /// <summary>The request header a test browser names its client address with (TestServer has none of its own).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static int _lastClientAddress;

    public NewsAppFactory()
        : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>The app over a new database of <paramref name="provider"/> (SQLite or the run's PostgreSQL cluster).</summary>
    /// <remarks>Protected: a class fixture may have only one public constructor. Tests call <see cref="On"/>.</remarks>
    protected NewsAppFactory(DatabaseProvider provider)
        : this(TestDatabase.Create(provider))
    {
    }

    /// <summary>The app over the SQLite file at <paramref name="databasePath"/> (created with the schema at start).</summary>
    protected NewsAppFactory(string databasePath)
        : this(TestDatabase.SqliteAt(databasePath))
    {
    }

    /// <summary>The app over <paramref name="database"/>; pass <see cref="TestDatabase.Share"/> for a second instance.</summary>
    protected NewsAppFactory(TestDatabase database) => Database = database;

    /// <summary>A plain app over a new database of <paramref name="provider"/>.</summary>
    public static NewsAppFactory On(DatabaseProvider provider) => new(provider);

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for the tests of file-level behaviour (faults, checks, startup) that only SQLite has.</summary>
    public string DatabasePath => (Database as TestDatabase.SqliteFile)?.Path
        ?? throw new InvalidOperationException($"This app runs on {Database.Provider}, not on an SQLite file.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:News", Database.ConnectionString);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());

        // Each test class starts on a new file; outside Development the portal refuses a missing database by default.
        builder.UseSetting("Database:CreateIfMissing", "true");

        // Tests flush by hand so what they read does not depend on timing.
        builder.UseSetting("Counting:FlushInterval", "00:01:00");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "d5news-test-logs", "test-.log"));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, ClientAddressStartupFilter>();
        });
    }

    /// <summary>A client that behaves like one browser: a real user agent, cookies kept, redirects not followed.</summary>
    /// <remarks>
    /// Each browser comes from its own client address (a new one in 10.0.0.0/8 unless given), as separate people
    /// would, so the per-address rate limits of one test do not spill into another.
    /// </remarks>
    public HttpClient CreateBrowser(string userAgent = BrowserUserAgent, string? clientAddress = null)
    {
        // https, because staff cookies are Secure outside Development.
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress ?? NewClientAddress());
        return client;
    }

    /// <summary>Runs <paramref name="action"/> in a service scope of its own, as one request would.</summary>
    public async Task ExecuteScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <inheritdoc cref="ExecuteScopeAsync(Func{IServiceProvider, Task})"/>
    public async Task<T> ExecuteScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A page as a new resident sees it: a fresh browser (no cookies), its response and parsed HTML.</summary>
    public Task<(HttpResponseMessage Response, IDocument Document)> GetAsReaderAsync(string url) => Html.GetAsync(CreateBrowser(), url);

    /// <summary>
    /// What the app does after a content change (editor, trash, importer, scheduler): tests that write bulletins straight
    /// into the database call this so cached pages and menus follow.
    /// </summary>
    public Task PublicContentChangedAsync() =>
        Services.GetRequiredService<PublicContentChanges>().PublishAsync(new ContentChange(ContentTypes.Article, null, "test"));

    public async Task WithDbAsync(Func<NewsDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    /// <summary>A client address no other browser of this test run has used.</summary>
    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _lastClientAddress);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public Task FlushCountsAsync() => Services.GetRequiredService<VisitCounter>().FlushAsync();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
    }
}

/// <summary>Sets the connection's remote address from <see cref="NewsAppFactory.ClientAddressHeader"/>, before the app's pipeline.</summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[NewsAppFactory.ClientAddressHeader], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A clock tests can move forward, e.g. to see a scheduled bulletin appear.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
