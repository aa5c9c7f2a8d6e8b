using Serilog;

namespace District5News.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the "Serilog" section. Each host keeps its own logger and the static <c>Log.Logger</c> is left
    /// alone (<c>preserveStaticLogger</c>): otherwise every host in one process (tests, two instances) would log into
    /// whichever was built last.
    /// </summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }
}
