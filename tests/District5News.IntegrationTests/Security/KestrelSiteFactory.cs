using System.Net.Sockets;
using System.Text;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;

namespace District5News.IntegrationTests.Security;

/// <summary>
/// The app on real Kestrel at http://127.0.0.1:(free port), with two bulletins: what goes over the wire (a HEAD
/// answer's body, the Server header) is the server's doing, which TestServer does not imitate.
/// </summary>
public sealed class KestrelSiteFactory : NewsAppFactory, IAsyncLifetime
{
    public KestrelSiteFactory() => UseKestrel(0);

    public Article Article { get; private set; } = null!;

    public string ArticleUrl => $"/tin-tuc/{Article.Id}/{Article.Slug}";

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public async Task InitializeAsync()
    {
        StartServer();
        Article = await WithDbAsync(async db =>
        {
            await TestArticles.AddAsync(db, "Phường An Đông tổ chức ngày hội đọc sách", new DateTime(2026, 11, 17, 8, 0, 0));
            return await TestArticles.AddAsync(db, "Kênh Hàng Bàng được nạo vét", new DateTime(2026, 11, 18, 8, 0, 0), lead: "Công trình nạo vét kênh hoàn thành.");
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client on the real socket, with a browser's user agent, cookies kept, redirects not followed.</summary>
    public HttpClient CreateSocketBrowser()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    /// <summary>Sends one request by hand and returns every byte the server wrote back, as text.</summary>
    public async Task<string> RawExchangeAsync(string method, string pathAndQuery)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"{method} {pathAndQuery} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\nUser-Agent: {BrowserUserAgent}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
