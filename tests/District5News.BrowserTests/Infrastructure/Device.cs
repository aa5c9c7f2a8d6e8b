using Microsoft.Playwright;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>The two screens the journeys run on: an office PC and a common phone (390 CSS pixels wide).</summary>
public sealed record Device(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Device Desktop = new("desktop", 1280, 900, IsMobile: false);

    public static readonly Device Phone = new("phone", 390, 844, IsMobile: true);

    /// <summary>
    /// A resident's browser is not headless: without this the user agent says HeadlessChrome, which the portal rightly
    /// takes for a robot and leaves out of the visit counts.
    /// </summary>
    public string UserAgent(string chromeVersion) => IsMobile
        ? $"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chromeVersion} Mobile Safari/537.36"
        : $"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chromeVersion} Safari/537.36";

    public BrowserNewContextOptions ContextOptions(string chromeVersion, bool bypassCsp = false) => new()
    {
        UserAgent = UserAgent(chromeVersion),
        ViewportSize = new ViewportSize { Width = Width, Height = Height },
        IsMobile = IsMobile,
        HasTouch = IsMobile,
        DeviceScaleFactor = IsMobile ? 2 : 1,
        Locale = "vi-VN",
        TimezoneId = "Asia/Ho_Chi_Minh",
        // Validators inject their own script into the page; a future Content-Security-Policy must not stop them.
        BypassCSP = bypassCsp,
    };
}
