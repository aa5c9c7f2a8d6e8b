using System.Text.RegularExpressions;

namespace District5News.Web.Hosting;

/// <summary>The "SecurityHeaders" section: what the Content-Security-Policy allows besides the portal itself.</summary>
public sealed partial class SecurityHeadersOptions
{
    public const string SectionName = "SecurityHeaders";

    public bool Enabled { get; set; } = true;

    /// <summary>Script origins besides the portal's own files, e.g. the national EMC monitoring script's https address, or the 'sha256-…' hash of one inline snippet.</summary>
    public List<string> ExtraScriptSources { get; set; } = [];

    /// <summary>Where those scripts may send data (fetch, beacons, WebSocket).</summary>
    public List<string> ExtraConnectSources { get; set; } = [];

    /// <summary>
    /// Who may show the public pages in a frame: "'none'" (the default), "'self'", or https origins. Staff pages
    /// (sign-in and the back office) are never framed, whatever this says.
    /// </summary>
    public string PublicFrameAncestors { get; set; } = "'none'";

    /// <summary>
    /// Browser features the portal turns off for itself and anything it embeds. Only names Chromium knows: an
    /// unknown one is logged as a console error on every page. speechSynthesis (a later "read aloud") needs none.
    /// </summary>
    public string PermissionsPolicy { get; set; } =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), geolocation=(), " +
        "gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
        "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), browsing-topics=()";

    internal static bool AreValid(SecurityHeadersOptions o) =>
        o.ExtraScriptSources.All(IsSource)
        && o.ExtraConnectSources.All(IsSource)
        && o.PublicFrameAncestors.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } ancestors
        && (ancestors is ["'none'"] || ancestors.All(a => a == "'self'" || HostSource().IsMatch(a)))
        && !o.PermissionsPolicy.Contains(';', StringComparison.Ordinal)
        && !o.PermissionsPolicy.Contains('\n', StringComparison.Ordinal);

    /// <summary>An https origin (optionally with a path) or a script hash: never a keyword like 'unsafe-inline', never a bare scheme or '*'.</summary>
    private static bool IsSource(string source) => HostSource().IsMatch(source) || HashSource().IsMatch(source);

    [GeneratedRegex(@"^https://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?(/[a-z0-9._~%/-]*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostSource();

    [GeneratedRegex(@"^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$", RegexOptions.CultureInvariant)]
    private static partial Regex HashSource();
}
