using District5News.Web.Features.Counting;
using District5News.Web.Routing;
using Serilog;

namespace District5News.Web.Hosting;

public static class PipelineExtensions
{
    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseNewsPipeline(this WebApplication app)
    {
        app.UseNewsForwardedHeaders();
        app.UseNewsSecurityHeaders();
        app.UseExceptionHandler(SiteRoutes.ServerError);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute(SiteRoutes.StatusCodePage);
        app.UseResponseCompression();
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>(); // this host's logger, not the static one
        });
        app.UseNewsUploads();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseMiddleware<CountingMiddleware>();
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        // WithStaticAssets: views link the fingerprinted file names, which MapStaticAssets serves as immutable for a year.
        app.MapControllers().WithStaticAssets();
        app.MapNewsHealth();
        app.MapNewsApi();
        return app;
    }

    /// <summary>
    /// Creates or migrates the database before the first request. Returns 0, or the exit code after one line on standard
    /// error saying why the database cannot be used (missing in Production, not SQLite, damaged, not writable).
    /// </summary>
    public static async Task<int> InitializeDatabaseAsync(this WebApplication app, string[] args)
    {
        if (!CommandLine.InitializesDatabase(app, args))
        {
            return 0;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<Data.DatabaseInitializer>();
        try
        {
            await initializer.InitializeAsync();
            return 0;
        }
        catch (Exception ex) when (initializer.Explain(ex) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }
}
