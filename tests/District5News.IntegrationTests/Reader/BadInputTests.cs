using System.Net;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Reader;

public sealed class BadInputTests(ReaderSiteFactory app) : IClassFixture<ReaderSiteFactory>
{
    public static TheoryData<string, HttpStatusCode> BadRequests => new()
    {
        { "/chuyen-muc/ban-tin-quan?page=0", HttpStatusCode.BadRequest },
        { "/chuyen-muc/ban-tin-quan?page=-1", HttpStatusCode.BadRequest },
        { "/chuyen-muc/ban-tin-quan?page=abc", HttpStatusCode.BadRequest },
        { "/chuyen-muc/ban-tin-quan?page=99999999999999999999", HttpStatusCode.BadRequest },
        { "/chuyen-muc/ban-tin-quan?page=2147483647", HttpStatusCode.BadRequest },
        { "/chuyen-muc/ban-tin-quan?page=999", HttpStatusCode.NotFound },
        { "/chuyen-muc/khong-co-chuyen-muc-nay", HttpStatusCode.NotFound },
        { "/tin-tuc/999999/khong-co", HttpStatusCode.NotFound },
        { "/tin-tuc/99999999999999999999/tran-so", HttpStatusCode.NotFound },
        { "/tin-tuc/-5/am", HttpStatusCode.NotFound },
        { "/tin-tuc/abc", HttpStatusCode.NotFound },
        { "/theo-ngay/2020/13/45", HttpStatusCode.NotFound },
        { "/theo-ngay/2020/02/30", HttpStatusCode.NotFound },
        { "/theo-ngay/2021/02/29", HttpStatusCode.NotFound },
        { "/theo-ngay/2020/00", HttpStatusCode.NotFound },
        { "/theo-ngay/99999999999/01/01", HttpStatusCode.NotFound },
        { "/theo-ngay?ngay=2020-13-45", HttpStatusCode.BadRequest },
        { "/theo-ngay?ngay=2020-02-30", HttpStatusCode.BadRequest },
        { "/theo-ngay?ngay=hom-nay", HttpStatusCode.BadRequest },
        { "/theo-ngay?ngay=31/02/2026", HttpStatusCode.BadRequest },
        { "/theo-ngay?ngay=%D9%A1/%D9%A1/%D9%A2%D9%A0%D9%A2%D9%A6", HttpStatusCode.BadRequest },
        { "/tim-kiem?q=%3C%3E%22%27%3B", HttpStatusCode.BadRequest },
        { "/tim-kiem?q=tuyen&page=0", HttpStatusCode.BadRequest },
        { "/tim-kiem?q=tuyen&page=x", HttpStatusCode.BadRequest },
        { "/tim-kiem?q=tuyen&page=50", HttpStatusCode.NotFound },
        { "/khong-co-trang-nay", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_AnswersVietnamesePageWithRightStatus(string url, HttpStatusCode expected)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var message = page.QuerySelector("[data-test=error-message], [data-test=search-error]")?.TextContent ?? string.Empty;
        Assert.False(string.IsNullOrWhiteSpace(message), $"{url} has no Vietnamese explanation");
    }

    [Fact]
    public async Task Search_TwoThousandCharacters_IsRefusedWithoutEchoingItAll()
    {
        var query = string.Concat(Enumerable.Repeat("tuyên giáo ", 182));
        var response = await app.CreateBrowser().GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quá dài", page.Text("[data-test=search-error]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ErrorWithHtmlInQuery_IsEscaped()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>" + new string('a', 300)), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }
}
