using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Emc;

/// <summary>
/// The "Emc" section: the national monitoring code (EMC, the system that measures state portals' provision and use of
/// information, docs/operations.md "EMC"). Off by default. When <see cref="ScriptUrl"/> is set, every public page loads
/// that script (async) and its origin joins the public pages' script-src; staff pages get neither.
/// </summary>
public sealed class EmcOptions
{
    public const string SectionName = "Emc";

    /// <summary>The monitoring script's https address, as the EMC operator issues it to the portal; empty for none.</summary>
    public string? ScriptUrl { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ScriptUrl);

    /// <summary>The script's address, checked (null when off).</summary>
    public Uri? Script => IsEnabled && TryParse(ScriptUrl!, out var uri) ? uri : null;

    /// <summary>"https://host[:port]": what the Content-Security-Policy allows (null when off).</summary>
    public string? Origin => Script is { } uri
        ? $"https://{uri.IdnHost}{(uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
        : null;

    /// <summary>
    /// An absolute https address with a host, no user name or password, no fragment, and nothing a CSP source or an
    /// HTML attribute would read differently (spaces, quotes, semicolons, commas).
    /// </summary>
    internal static bool TryParse(string value, out Uri uri)
    {
        var trimmed = value.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out uri!)
            && uri.Scheme == Uri.UriSchemeHttps
            && !string.IsNullOrEmpty(uri.Host)
            && string.IsNullOrEmpty(uri.UserInfo)
            && string.IsNullOrEmpty(uri.Fragment)
            && trimmed.IndexOfAny([' ', '"', '\'', ';', ',', '<', '>', '\\']) < 0;
    }
}

/// <summary>Refuses to start with an EMC address that is not https, with a message that says what to write.</summary>
public sealed class EmcOptionsValidator : IValidateOptions<EmcOptions>
{
    public ValidateOptionsResult Validate(string? name, EmcOptions options) =>
        !options.IsEnabled || EmcOptions.TryParse(options.ScriptUrl!, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Emc:ScriptUrl must be the monitoring script's absolute https address (e.g. https://emc.example.gov.vn/emc.js), " +
                $"without user name, password or fragment; it is \"{options.ScriptUrl}\". Leave it empty to turn the EMC code off.");
}
