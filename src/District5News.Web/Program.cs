using District5News.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsLogging();

// Serves the fingerprinted/compressed static assets when started from a build output (benchmarks, `dotnet bin/...dll`)
// as well as from a publish folder, whatever the environment.
builder.WebHost.UseStaticWebAssets();
builder.Services
    .AddNewsData(builder.Configuration, builder.Environment)
    .AddNewsIdentity(builder.Environment)
    .AddNewsRateLimiting()
    .AddNewsSite()
    .AddNewsPageCache()
    .AddNewsSharedCache(builder.Configuration)
    .AddNewsWebHardening()
    .AddNewsCounting()
    .AddNewsEditing()
    .AddNewsAdministration()
    .AddNewsImport()
    .AddNewsAgency()
    .AddNewsApi()
    .AddNewsUnits();

var app = builder.Build();

var databaseRefused = await app.InitializeDatabaseAsync(args);
if (databaseRefused != 0)
{
    return databaseRefused;
}

if (CommandLine.IsCommand(app, args))
{
    return await CommandLine.RunAsync(app, args);
}

app.UseNewsPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
