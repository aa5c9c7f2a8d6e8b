using System.Net;
using System.Net.Sockets;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Caching;

/// <summary>Redis is a speed-up, never a point of failure: with it away the portal renders every page uncached and saves.</summary>
public sealed class SharedCacheOutageTests : IDisposable
{
    private readonly RedisAwayApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task RedisAway_PagesAnswerAndPublishingShowsAtOnce()
    {
        var editor = await _app.SignInAsync(StaffRoles.Editor);
        var (first, before) = await Html.GetAsync(_app.CreateBrowser(), "/");

        await EditorForms.CreateAsync(editor, "Bản tin khi Redis vắng mặt");
        var (second, after) = await Html.GetAsync(_app.CreateBrowser(), "/");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("Bản tin khi Redis vắng mặt", before.Texts(".article-link"));
        Assert.Contains("Bản tin khi Redis vắng mặt", after.Texts(".article-link"));
    }

    private sealed class RedisAwayApp : NewsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // A port nothing listens on: every connection attempt is refused.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            builder.UseSetting("ConnectionStrings:Redis", $"127.0.0.1:{port},connectTimeout=1000");
        }
    }
}
