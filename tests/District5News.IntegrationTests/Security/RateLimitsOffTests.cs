using System.Net;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Security;

/// <summary>The app as the benchmark runs it: RateLimiting:Enabled=false.</summary>
public sealed class LimitsOffAppFactory : NewsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("RateLimiting:SearchPerAddress:PermitLimit", "2");
    }
}

public sealed class RateLimitsOffTests(LimitsOffAppFactory app) : IClassFixture<LimitsOffAppFactory>
{
    [Fact]
    public async Task Search_WithLimitsOff_IsNeverRefused()
    {
        var client = app.CreateBrowser(clientAddress: "203.0.113.30");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/tim-kiem?q=quan", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task FailedSignIns_WithLimitsOff_StillMakeOneAuditRowPerAccountAndAddress()
    {
        var email = SecurityHelpers.NewEmail("tran-ngap");
        var flood = app.CreateBrowser(clientAddress: "203.0.113.31");
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await flood.SignInFormAsync(email, SecurityHelpers.WrongPassword)).StatusCode);
        }

        var rows = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Details!).ToList()));

        var row = Assert.Single(rows);
        Assert.Contains("Từ địa chỉ 203.0.113.31: 40 lần đăng nhập thất bại", row, StringComparison.Ordinal);
    }
}
