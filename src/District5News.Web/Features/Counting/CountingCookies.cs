namespace District5News.Web.Features.Counting;

/// <summary>
/// The two small first-party cookies counting sets (no personal data): a visit in progress, and the bulletins this
/// browser has seen within the visit window. Other features ask <see cref="Owns"/> rather than knowing the names.
/// </summary>
public static class CountingCookies
{
    public const string Visit = "d5_visit";
    public const string Seen = "d5_seen";

    /// <summary>True when a Set-Cookie header value is one of counting's cookies (set per response, never cached).</summary>
    public static bool Owns(string setCookie) =>
        setCookie.StartsWith(Visit + "=", StringComparison.Ordinal) || setCookie.StartsWith(Seen + "=", StringComparison.Ordinal);

    internal static CookieOptions Options(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        MaxAge = lifetime,
        Path = "/",
    };
}
