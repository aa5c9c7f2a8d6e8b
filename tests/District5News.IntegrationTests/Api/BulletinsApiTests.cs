using System.Net;
using System.Text.Json;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Api;

/// <summary>
/// GET /api/v1/bulletins and /api/v1/bulletins/{id}: what residents can see, as JSON, filtered by unit (with the units
/// merged into it), category and Vietnam days, paged, with ETags, problem+json for bad input, and never counted.
/// </summary>
public sealed class BulletinsApiTests(ApiSiteFactory app) : IClassFixture<ApiSiteFactory>
{
    [Fact]
    public async Task List_NoFilter_GivesEveryVisibleBulletinNewestFirst_NeverHiddenOnes()
    {
        var (response, page) = await app.CreateApiClient().GetJsonAsync("/api/v1/bulletins");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(app.Visible.Select(a => a.Id).ToArray(), page.Ids());
        Assert.Equal(app.Visible.Count, page.GetProperty("totalItems").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, page.GetProperty("totalPages").GetInt32());
        Assert.DoesNotContain(page.Ids(), id => app.Hidden.Any(h => h.Id == id));
    }

    [Fact]
    public async Task List_Item_HasTheDocumentedFields()
    {
        var (_, page) = await app.CreateApiClient().GetJsonAsync("/api/v1/bulletins?unit=cho-lon&pageSize=1");

        var item = Assert.Single(page.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(
            ["id", "title", "lead", "publishedAt", "category", "unit", "url", "coverUrl"],
            item.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(app.ChoLonToday.Title, item.GetProperty("title").GetString());
        Assert.Equal("2026-11-18T08:00:00+07:00", item.GetProperty("publishedAt").GetString());
        Assert.Equal("cho-lon", item.GetProperty("unit").GetProperty("slug").GetString());
        Assert.Equal("Phường Chợ Lớn", item.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("tin-phuong", item.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal($"{ApiSiteFactory.BaseUrl}/tin-tuc/{app.ChoLonToday.Id}/{app.ChoLonToday.Slug}", item.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("coverUrl").ValueKind);
    }

    [Theory]
    [InlineData("cho-lon", new[] { "ChoLonToday", "Phuong11", "Phuong10", "Phuong15" })]
    [InlineData("phuong-11", new[] { "Phuong11", "Phuong10" })]
    [InlineData("phuong-12", new[] { "Phuong15" })]
    [InlineData("phuong-10", new[] { "Phuong10" })]
    [InlineData("an-dong", new[] { "AnDongNews" })]
    [InlineData("quan-5", new[] { "LastDistrictDay" })]
    [InlineData("phuong-3", new string[0])]
    public async Task List_ByUnit_IncludesTheUnitsMergedIntoIt_AtAnyDepth(string unit, string[] expected)
    {
        var (response, page) = await app.CreateApiClient().GetJsonAsync($"/api/v1/bulletins?unit={unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ids(expected), page.Ids());
    }

    [Fact]
    public async Task List_ByCategoryAndUnit_CombinesTheFilters()
    {
        var client = app.CreateApiClient();

        var (_, category) = await client.GetJsonAsync("/api/v1/bulletins?category=ban-tin-quan");
        var (_, both) = await client.GetJsonAsync("/api/v1/bulletins?category=ban-tin-quan&unit=cho-lon");

        Assert.Equal(Ids(["LastDistrictDay", "Phuong10", "Phuong15"]), category.Ids());
        Assert.Equal(Ids(["Phuong10", "Phuong15"]), both.Ids());
    }

    /// <summary>00:30 on 1 July 2025 in Vietnam is still 30 June in UTC: days are Vietnam days.</summary>
    [Theory]
    [InlineData("to=2025-06-30", new[] { "LastDistrictDay", "Phuong11", "Phuong10", "Phuong15" })]
    [InlineData("from=2025-07-01&to=2025-07-01", new[] { "FirstWardDay" })]
    [InlineData("from=2025-06-30&to=2025-06-30", new[] { "LastDistrictDay" })]
    [InlineData("from=2026-11-18", new[] { "AnDongNews", "ChoLonToday" })]
    [InlineData("from=2026-11-19&unit=cho-lon", new string[0])]
    public async Task List_ByDates_TakesWholeVietnamDaysInclusive(string query, string[] expected)
    {
        var (_, page) = await app.CreateApiClient().GetJsonAsync($"/api/v1/bulletins?{query}");

        Assert.Equal(Ids(expected), page.Ids());
    }

    [Fact]
    public async Task List_Paged_SplitsInOrder_AndPastTheEndIsEmpty()
    {
        var client = app.CreateApiClient();

        var (_, first) = await client.GetJsonAsync("/api/v1/bulletins?pageSize=3");
        var (_, third) = await client.GetJsonAsync("/api/v1/bulletins?pageSize=3&page=3");
        var (past, beyond) = await client.GetJsonAsync("/api/v1/bulletins?pageSize=3&page=9");

        Assert.Equal(app.Visible.Take(3).Select(a => a.Id).ToArray(), first.Ids());
        Assert.Equal(3, first.GetProperty("totalPages").GetInt32());
        Assert.Equal(app.Visible.Skip(6).Select(a => a.Id).ToArray(), third.Ids());
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Empty(beyond.Ids());
        Assert.Equal(app.Visible.Count, beyond.GetProperty("totalItems").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=100001", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("from=01/07/2025", "from")]
    [InlineData("to=2025-02-30", "to")]
    [InlineData("from=2025-07-02&to=2025-07-01", "to")]
    [InlineData("unit=khong-co", "unit")]
    [InlineData("unit=Ch%E1%BB%A3+L%E1%BB%9Bn", "unit")]
    [InlineData("category=khong-co", "category")]
    public async Task List_BadParameter_Answers400ProblemNamingIt(string query, string parameter)
    {
        var (response, problem) = await app.CreateApiClient().GetJsonAsync($"/api/v1/bulletins?{query}");

        ApiResponses.AssertProblem(response, HttpStatusCode.BadRequest, problem);
        Assert.Equal("Yêu cầu không hợp lệ", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.NotEmpty(errors.GetProperty(parameter)[0].GetString()!);
    }

    [Fact]
    public async Task Show_VisibleBulletin_GivesItsTextAndNumbers()
    {
        var article = app.ChoLonToday;

        var (response, bulletin) = await app.CreateApiClient().GetJsonAsync($"/api/v1/bulletins/{article.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["id", "title", "lead", "bodyHtml", "bodyText", "publishedAt", "modifiedAt", "category", "unit", "url", "coverUrl", "viewsTotal"],
            bulletin.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(article.Id, bulletin.GetProperty("id").GetInt32());
        Assert.Equal("Sáng nay, phường ra quân.", bulletin.GetProperty("lead").GetString());
        // The stored body, with the portal's own addresses made absolute.
        Assert.Contains("<a href=\"/chuyen-muc/tin-phuong\">", article.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(
            article.BodyHtml.Replace("href=\"/", $"href=\"{ApiSiteFactory.BaseUrl}/", StringComparison.Ordinal),
            bulletin.GetProperty("bodyHtml").GetString());
        Assert.Equal("Đoạn thứ nhất.\nXem thêm tin phường & ảnh.", bulletin.GetProperty("bodyText").GetString());
        Assert.Equal("2026-11-18T08:00:00+07:00", bulletin.GetProperty("publishedAt").GetString());
        Assert.Equal("Tin phường", bulletin.GetProperty("category").GetProperty("name").GetString());
        Assert.Equal($"{ApiSiteFactory.BaseUrl}/tin-tuc/{article.Id}/{article.Slug}", bulletin.GetProperty("url").GetString());
        Assert.Equal(37, bulletin.GetProperty("viewsTotal").GetInt64());
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Show_HiddenOrMissingBulletin_Answers404Problem()
    {
        var client = app.CreateApiClient();
        foreach (var id in app.Hidden.Select(h => h.Id).Append(999_999))
        {
            var (response, problem) = await client.GetJsonAsync($"/api/v1/bulletins/{id}");

            ApiResponses.AssertProblem(response, HttpStatusCode.NotFound, problem);
            Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/khong-co", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/bulletins/abc", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/bulletins", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/bulletins/1", HttpStatusCode.MethodNotAllowed)]
    public async Task UnknownAddressOrMethod_UnderApi_AnswersProblemNotAPage(string method, string url, HttpStatusCode status)
    {
        var response = await app.CreateApiClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        ApiResponses.AssertProblem(response, status, problem.RootElement);
    }

    [Fact]
    public async Task List_ForAUnit_HasAStrongETag_AndTheSameTagAnswers304WithNoBody()
    {
        var client = app.CreateApiClient();
        var (first, _) = await client.GetJsonAsync("/api/v1/bulletins?unit=cho-lon");
        var tag = first.Tag();

        var repeat = await SendAsync(client, "/api/v1/bulletins?unit=cho-lon", ifNoneMatch: tag);
        var otherTag = await SendAsync(client, "/api/v1/bulletins?unit=cho-lon", ifNoneMatch: "\"khac\"");

        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl.MaxAge > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
        Assert.Empty(await repeat.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, repeat.Tag());
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(tag, otherTag.Tag());
    }

    [Fact]
    public async Task ETag_DiffersBetweenFilters_AndIsTheHashOfTheBody()
    {
        var client = app.CreateApiClient();

        var (choLon, _) = await client.GetJsonAsync("/api/v1/bulletins?unit=cho-lon");
        var (anDong, _) = await client.GetJsonAsync("/api/v1/bulletins?unit=an-dong");
        var body = await choLon.Content.ReadAsByteArrayAsync();

        Assert.NotEqual(choLon.Tag(), anDong.Tag());
        Assert.Equal(Web.Features.Api.ApiJsonResult.StrongTag(body), choLon.Tag());
    }

    [Fact]
    public async Task ETag_CompressedAnswer_StillRevalidatesTo304()
    {
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");

        var first = await client.GetAsync(new Uri("/api/v1/units", UriKind.Relative));
        var repeat = await SendAsync(client, "/api/v1/units", ifNoneMatch: first.Tag());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
    }

    [Fact]
    public async Task Show_IfModifiedSinceItsLastChange_Answers304()
    {
        var client = app.CreateApiClient();
        var first = await client.GetAsync(new Uri($"/api/v1/bulletins/{app.AnDongNews.Id}", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/bulletins/{app.AnDongNews.Id}", UriKind.Relative));
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var repeat = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
    }

    [Fact]
    public async Task Requests_AreNotCountedAsVisitsOrViews_WhileAPageIs()
    {
        await app.FlushCountsAsync();
        var before = await Counts();
        var client = app.CreateApiClient();

        foreach (var url in new[] { "/api/v1/bulletins", $"/api/v1/bulletins/{app.AnDongNews.Id}", "/api/v1/units", "/openapi/v1.json", "/api/v1/bulletins?unit=an-dong" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        await app.FlushCountsAsync();
        var afterApi = await Counts();
        await Html.GetAsync(app.CreateBrowser(), "/");
        await app.FlushCountsAsync();
        var afterPage = await Counts();

        Assert.Equal(before, afterApi);
        Assert.Equal(before.Visits + 1, afterPage.Visits);
    }

    [Fact]
    public async Task CrossOrigin_AnyOriginMayRead_WithoutCredentials()
    {
        var client = app.CreateApiClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/units", UriKind.Relative));
        get.Headers.Add("Origin", "https://phuong.example.vn");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/bulletins", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://phuong.example.vn");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        var answer = await client.SendAsync(get);
        var allowed = await client.SendAsync(preflight);

        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", answer.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("*", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    private int[] Ids(string[] names) => [.. names.Select(n => n switch
    {
        "ChoLonToday" => app.ChoLonToday.Id,
        "AnDongNews" => app.AnDongNews.Id,
        "FirstWardDay" => app.FirstWardDay.Id,
        "LastDistrictDay" => app.LastDistrictDay.Id,
        "Phuong11" => app.Phuong11.Id,
        "Phuong10" => app.Phuong10.Id,
        "Phuong15" => app.Phuong15.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(names), n, null),
    })];

    private async Task<(long Visits, long PageViews, long Views)> Counts() => await app.WithDbAsync(async db => (
        (await db.SiteCounters.SingleAsync()).Visits,
        await db.DailyStats.SumAsync(d => d.PageViews),
        await db.Articles.SumAsync(a => a.Views)));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }
}

/// <summary>A bulletin published through the back office changes the list's ETag: the old copy is no longer current.</summary>
public sealed class BulletinsApiPublishingTests(ApiSiteFactory app) : IClassFixture<ApiSiteFactory>
{
    [Fact]
    public async Task ETag_AfterABulletinIsPublished_Changes_AndTheOldTagGetsTheNewList()
    {
        var client = app.CreateApiClient();
        var (before, _) = await client.GetJsonAsync("/api/v1/bulletins");
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var id = await EditorForms.CreateAsync(admin, "Thông báo mới về lịch tiếp công dân");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/bulletins", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", before.Tag());
        var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Tag(), after.Tag());
        using var page = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal(id, page.RootElement.Ids()[0]);
    }
}
