using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

/// <summary>
/// Turns a site path into an absolute URL. The configured Site:BaseUrl wins, so a forged Host header can never
/// end up in a canonical link or a printed page (and from there in the page cache); without it the request's
/// scheme and host are used, which is right in Development.
/// </summary>
public sealed class SiteAddress(IOptions<SiteOptions> options)
{
    private readonly string? _baseUrl = string.IsNullOrWhiteSpace(options.Value.BaseUrl)
        ? null
        : new Uri(options.Value.BaseUrl, UriKind.Absolute).GetLeftPart(UriPartial.Authority);

    public bool IsConfigured => _baseUrl is not null;

    /// <summary>The absolute URL of <paramref name="path"/> (which starts with '/').</summary>
    public string Absolute(HttpRequest request, string path) =>
        (_baseUrl ?? $"{request.Scheme}://{request.Host.ToUriComponent()}") + path;
}
