using Serilog;

namespace District5News.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog from the "Serilog" section. No static bootstrap logger, so several hosts can run in one process (tests).</summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
