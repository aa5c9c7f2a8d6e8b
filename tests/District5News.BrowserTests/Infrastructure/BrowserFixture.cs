using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// One app host and one Chromium for all browser tests: starting either takes seconds, and the tests only read
/// the demo content (or add to it), so sharing them keeps the suite to a few minutes.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Debian's Chromium, never a downloaded one. The resolver rule keeps every request on this machine: without it
    /// Chromium still looks up Google's update and safe-browsing hosts.
    /// </summary>
    public static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private IPlaywright? _playwright;

    public BrowserAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestPaths.Chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>A fresh context (own cookies, like a new visitor) on <paramref name="device"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(Device device, bool bypassCsp = false) =>
        Browser.NewContextAsync(device.ContextOptions(Browser.Version, bypassCsp));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
