using District5News.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsLogging();
builder.Services
    .AddNewsData(builder.Configuration, builder.Environment)
    .AddNewsSite()
    .AddNewsCounting();

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.UseNewsPipeline();
await app.RunAsync();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
