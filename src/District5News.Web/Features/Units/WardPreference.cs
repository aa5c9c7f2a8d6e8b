using District5News.Web.Features.Caching;

namespace District5News.Web.Features.Units;

/// <summary>
/// The ward a resident picked on the home page, kept in a small first-party cookie (no personal data). Only a current
/// ward's slug counts: anything else in the cookie reads as "none", so the home page has at most four versions.
/// </summary>
public sealed class WardPreference(UnitDirectory units)
{
    public const string CookieName = "d5_phuong";

    /// <summary>The form field of the picker.</summary>
    public const string Field = "phuong";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The picked ward's slug, if the cookie names a current ward; null otherwise.</summary>
    public async Task<string?> ReadAsync(HttpContext http, CancellationToken cancellationToken = default)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var slug) || string.IsNullOrEmpty(slug))
        {
            return null;
        }

        return await IsWardAsync(slug, cancellationToken) ? slug : null;
    }

    public async Task<bool> IsWardAsync(string slug, CancellationToken cancellationToken = default) =>
        (await units.GetAsync(cancellationToken)).CurrentWards.Any(w => w.Slug == slug);

    /// <summary>Keeps <paramref name="slug"/> (a current ward) or forgets the choice (null).</summary>
    public static void Remember(HttpContext http, string? slug)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        };
        if (slug is null)
        {
            http.Response.Cookies.Delete(CookieName, options);
        }
        else
        {
            options.MaxAge = Lifetime;
            http.Response.Cookies.Append(CookieName, slug, options);
        }
    }
}

/// <summary>
/// Stores a page once per picked ward (none, or one of the current wards) in the page cache, so the home page stays
/// cacheable while showing the resident's ward first.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class VaryByWardAttribute : Attribute, IPageCacheVariation
{
    public string Name => WardPreference.CookieName;

    public async ValueTask<string> ValueAsync(HttpContext http, CancellationToken cancellationToken) =>
        await http.RequestServices.GetRequiredService<WardPreference>().ReadAsync(http, cancellationToken) ?? string.Empty;
}
