using District5News.Web.Features.Emc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace District5News.Web.Hosting;

public static class SecurityHeadersExtensions
{
    /// <summary>Running behind the HTTPS proxy, the security headers, and HEAD on every GET page.</summary>
    public static IServiceCollection AddNewsWebHardening(this IServiceCollection services) =>
        services.AddNewsForwardedHeaders().AddNewsSecurityHeaders().AddNewsHeadRequests();

    /// <summary>The security headers' options, the EMC monitoring code's (its origin joins the public pages' policy), and no "Server: Kestrel" header (it only helps someone pick an exploit).</summary>
    public static IServiceCollection AddNewsSecurityHeaders(this IServiceCollection services)
    {
        services.AddOptions<SecurityHeadersOptions>().BindConfiguration(SecurityHeadersOptions.SectionName)
            .Validate(SecurityHeadersOptions.AreValid,
                "SecurityHeaders: ExtraScriptSources and ExtraConnectSources take https origins or 'sha256-…' hashes; PublicFrameAncestors takes 'none', 'self' or https origins.")
            .ValidateOnStart();
        services.AddOptions<EmcOptions>().BindConfiguration(EmcOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmcOptions>, EmcOptionsValidator>();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.Replace(ServiceDescriptor.Singleton<IHtmlGenerator, SecurityHeadersHtmlGenerator>());
        return services;
    }

    public static IApplicationBuilder UseNewsSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityHeadersOptions>>();
        return options.Value.Enabled ? app.UseMiddleware<SecurityHeadersMiddleware>() : app;
    }
}
