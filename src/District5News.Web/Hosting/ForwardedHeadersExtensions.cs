using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

/// <summary>
/// The "ForwardedHeaders" section: which addresses may tell the portal, through X-Forwarded-For and
/// X-Forwarded-Proto, who the client is and that the request came in over HTTPS. Anyone else's forwarded headers
/// are ignored, so a stranger reaching Kestrel directly cannot pretend to be HTTPS or to come from another address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "127.0.0.1", "::1", "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in front of the portal to unwind (one nginx: 1).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Reading the HTTPS proxy's forwarded headers from the configured known proxies, the public site address, HSTS
    /// settings, and the answer to staff pages reached over plain HTTP.
    /// </summary>
    public static IServiceCollection AddNewsForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName)
            .ValidateDataAnnotations()
            .Validate(s => s.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies holds an entry that is not an IP address.")
            .Validate(s => s.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks holds an entry that is not a CIDR network (e.g. 10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            // X-Forwarded-Host stays off: the Host header nginx passes on is checked by AllowedHosts, and absolute URLs
            // come from Site:BaseUrl, so nothing needs the client's Host and a forged one cannot slip past host filtering.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.Value.ForwardLimit;

            // The framework's defaults (loopback) are replaced, not extended: the configuration says exactly whom to trust.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(SiteOptions.IsValidBaseUrl, "Site:BaseUrl must be an absolute http or https address with no path, e.g. https://tintuc.quan5.gov.vn.")
            .ValidateOnStart();
        services.AddSingleton<SiteAddress>();

        // A year by default; the section can shorten it while a deployment is being tried out.
        services.AddOptions<HstsOptions>()
            .Configure(o => o.MaxAge = TimeSpan.FromDays(365))
            .BindConfiguration("Hsts");

        services.AddSingleton<HttpsRequiredFilter>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.AddService<HttpsRequiredFilter>());
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's scheme and address.</summary>
    public static IApplicationBuilder UseNewsForwardedHeaders(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() && !services.GetRequiredService<SiteAddress>().IsConfigured)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwardedHeadersExtensions))
                .LogWarning("Site:BaseUrl is not set: absolute URLs (canonical links, printed pages) follow each request's Host header. Set it to the public https address.");
        }

        return app.UseForwardedHeaders();
    }
}
