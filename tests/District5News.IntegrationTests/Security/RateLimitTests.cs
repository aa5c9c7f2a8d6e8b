using System.Globalization;
using System.Net;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Security;

/// <summary>The app with small per-address limits, so a test reaches them in a few requests.</summary>
public sealed class SmallLimitsAppFactory : NewsAppFactory
{
    public const int SearchLimit = 5;
    public const int SignInLimit = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:SearchPerAddress:PermitLimit", SearchLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:SearchPerAddress:Window", "00:10:00");
        builder.UseSetting("RateLimiting:SignInPerAddress:PermitLimit", SignInLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:SignInPerAddress:Window", "00:10:00");
    }
}

public sealed class RateLimitTests(SmallLimitsAppFactory app) : IClassFixture<SmallLimitsAppFactory>
{
    [Fact]
    public async Task Search_PastTheLimitFromOneAddress_Answers429InVietnameseWithRetryAfter_OtherAddressesStillSearch()
    {
        var resident = app.CreateBrowser(clientAddress: "203.0.113.10");
        for (var i = 0; i < SmallLimitsAppFactory.SearchLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(new Uri("/tim-kiem?q=tuyen+giao", UriKind.Relative))).StatusCode);
        }

        var (refused, page) = await Html.GetAsync(resident, "/tim-kiem?q=tuyen+giao");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal("Quá nhiều yêu cầu", page.Text("h1"));
        Assert.Contains("Vui lòng chờ", page.Text("[data-test=error-message]"), StringComparison.Ordinal);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));

        var neighbour = app.CreateBrowser(clientAddress: "203.0.113.11");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync(new Uri("/tim-kiem?q=tuyen+giao", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Search_FromOneIpv6Network_SharesOneLimit()
    {
        for (var i = 0; i < SmallLimitsAppFactory.SearchLimit; i++)
        {
            var phone = app.CreateBrowser(clientAddress: $"2001:db8:5:5::{i + 1:x}");
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/tim-kiem?q=phuong", UriKind.Relative))).StatusCode);
        }

        var sameNetwork = app.CreateBrowser(clientAddress: "2001:db8:5:5::ffff");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameNetwork.GetAsync(new Uri("/tim-kiem?q=phuong", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignInPosts_PastTheLimitFromOneAddress_Answer429_TheFormStillShows()
    {
        var office = app.CreateBrowser(clientAddress: "203.0.113.20");
        for (var i = 0; i < SmallLimitsAppFactory.SignInLimit; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await office.SignInFormAsync(SecurityHelpers.NewEmail("van-phong"), SecurityHelpers.WrongPassword)).StatusCode);
        }

        var refused = await office.SignInFormAsync(SecurityHelpers.NewEmail("van-phong"), SecurityHelpers.WrongPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("Quá nhiều yêu cầu", (await Html.ParseAsync(refused)).Text("h1"));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(new Uri("/tai-khoan/dang-nhap", UriKind.Relative))).StatusCode);
    }
}
