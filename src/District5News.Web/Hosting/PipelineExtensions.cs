using District5News.Web.Routing;
using District5News.Web.Features.Counting;
using Serilog;

namespace District5News.Web.Hosting;

public static class PipelineExtensions
{
    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseNewsPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(SiteRoutes.ServerError);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute(SiteRoutes.StatusCodePage);
        app.UseResponseCompression();
        app.UseSerilogRequestLogging(o =>
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        app.UseNewsUploads();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseMiddleware<CountingMiddleware>();
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        // WithStaticAssets: views link the fingerprinted file names, which MapStaticAssets serves as immutable for a year.
        app.MapControllers().WithStaticAssets();
        return app;
    }

    /// <summary>Creates or migrates the database before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Data.DatabaseInitializer>().InitializeAsync();
    }
}
