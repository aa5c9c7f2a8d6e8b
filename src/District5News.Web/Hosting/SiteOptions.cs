namespace District5News.Web.Hosting;

/// <summary>The "Site" section.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The public address, e.g. https://tintuc.quan5.gov.vn: every absolute URL the portal writes (canonical links,
    /// the printed "Nguồn:" line) starts with it. Unset (Development), the request's own scheme and host are used.
    /// </summary>
    public string? BaseUrl { get; set; }

    internal static bool IsValidBaseUrl(SiteOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUrl)
        || (Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            && string.IsNullOrEmpty(uri.UserInfo));
}
