using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Demo;
using District5News.Web.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:(free port), over its own SQLite file, filled with the demo
/// bulletins and with the clock standing the day after the newest of them.
/// </summary>
public sealed class BrowserAppFactory : NewsAppFactory
{
    /// <summary>26 Nov 2026 10:00 Vietnam time: every demo bulletin (the newest is 25 Nov 2026 20:15) is published.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    public BrowserAppFactory()
    {
        UseKestrel(0);
        Clock.Set(Now);
    }

    public LoggedErrors Errors { get; } = new();

    /// <summary>Cover images the journeys upload go here, not into the source tree's wwwroot/uploads; removed with the factory.</summary>
    public string UploadsPath { get; } = Path.Combine(Path.GetTempPath(), $"d5news-browser-uploads-{Guid.NewGuid():N}");

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:45123.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task StartAsync()
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();

        // The demo seeder only runs by itself in Development; the tests host the Testing environment (Secure cookies, no
        // developer pages) and call it directly. It also creates the two demo staff accounts.
        await ActivatorUtilities.CreateInstance<DemoContentSeeder>(scope.ServiceProvider).SeedAsync(CancellationToken.None);
    }

    /// <summary>A published demo bulletin's address, chosen by its title.</summary>
    public Task<string> ArticleUrlAsync(string title) => WithDbAsync(async db =>
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Title == title && a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, a.Slug })
            .SingleAsync();
        return Web.Features.Articles.ArticleUrls.Article(article.Id, article.Slug);
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Outside Development the static files are served from the publish output, which holds the precompressed copies.
        // Here the app runs from its build output: the static web assets manifest points at those copies (in obj/);
        // without it a browser asking for gzip or brotli gets an empty 200 for every stylesheet.
        builder.UseStaticWebAssets();
        builder.UseSetting("Uploads:Path", UploadsPath);
        // Every journey signs in from 127.0.0.1 through the real form; the suite signs in far more often than the
        // production limit of 20 a minute per address allows (the limiter itself is tested in the integration tests).
        builder.UseSetting("RateLimiting:SignInPerAddress:PermitLimit", "100000");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Errors);
            services.AddTransient<IStartupFilter, TrickledHtml>();

            // Outside Development the staff and anti-forgery cookies are Secure-only and ASP.NET refuses to issue them on a
            // plain-http request. The browser talks plain http to 127.0.0.1 (no certificate here), so the test host relaxes
            // that one setting to follow the request's scheme, as Development does.
            services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
                o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(UploadsPath))
        {
            Directory.Delete(UploadsPath, recursive: true);
        }
    }
}
