using System.Globalization;
using System.Net;
using System.Text.Json;
using District5News.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Api;

/// <summary>GET /api/v1/units and the OpenAPI document that describes the service.</summary>
public sealed class UnitsAndOpenApiTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    [Fact]
    public async Task Units_ListEveryUnitWithItsPeriodAndSuccessor()
    {
        var (response, list) = await app.CreateBrowser().GetJsonAsync("/api/v1/units");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var units = list.GetProperty("items").EnumerateArray().ToDictionary(u => u.GetProperty("slug").GetString()!);
        Assert.Equal(19, units.Count); // the district, three wards, fifteen numbered wards
        Assert.Equal(
            ["slug", "name", "kind", "activeFrom", "activeUntil", "successor", "predecessors", "basis"],
            units["cho-lon"].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Phường Chợ Lớn", units["cho-lon"].GetProperty("name").GetString());
        Assert.Equal("ward", units["cho-lon"].GetProperty("kind").GetString());
        Assert.Equal("2025-07-01", units["cho-lon"].GetProperty("activeFrom").GetString());
        Assert.Equal(JsonValueKind.Null, units["cho-lon"].GetProperty("activeUntil").ValueKind);
        Assert.Equal(["phuong-11", "phuong-12", "phuong-13", "phuong-14"],
            units["cho-lon"].GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("district", units["quan-5"].GetProperty("kind").GetString());
        Assert.Equal("2025-06-30", units["quan-5"].GetProperty("activeUntil").GetString());
        Assert.Equal("phuong-11", units["phuong-10"].GetProperty("successor").GetString());
        Assert.Equal("phuong-12", units["phuong-15"].GetProperty("successor").GetString());
        Assert.Equal("2020-12-31", units["phuong-15"].GetProperty("activeUntil").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_IsJson_AndDescribesTheServiceOnly()
    {
        var (response, document) = await app.CreateBrowser().GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.Equal(["/api/v1/bulletins", "/api/v1/bulletins/{id}", "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/units"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());

        var list = paths.GetProperty("/api/v1/bulletins").GetProperty("get");
        Assert.Equal(["If-Modified-Since", "If-None-Match", "category", "from", "page", "pageSize", "to", "unit"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.All(list.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
        Assert.Equal(["200", "304", "400", "429"], Statuses(list));
        Assert.True(list.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(list.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(list.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Equal(["200", "304", "404", "429"], Statuses(paths.GetProperty("/api/v1/bulletins/{id}").GetProperty("get")));
        Assert.Equal(["200", "304", "429"], Statuses(paths.GetProperty("/api/v1/units").GetProperty("get")));
        var documents = paths.GetProperty("/api/v1/documents").GetProperty("get");
        Assert.Equal(["If-Modified-Since", "If-None-Match", "page", "pageSize", "q", "type", "unit", "year"],
            documents.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["200", "304", "400", "429"], Statuses(documents));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var bulletin = schemas.EnumerateObject().Single(s => s.Name == "ApiBulletin").Value.GetProperty("properties");
        Assert.Contains("bodyHtml", bulletin.EnumerateObject().Select(p => p.Name));
        Assert.Contains("viewsTotal", bulletin.EnumerateObject().Select(p => p.Name));
    }

    private static string[] Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)];
}

/// <summary>The app with a small web-service limit, so a test reaches it in a few requests.</summary>
public sealed class SmallApiLimitAppFactory : NewsAppFactory
{
    public const int ApiLimit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:ApiPerAddress:PermitLimit", ApiLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:ApiPerAddress:Window", "00:10:00");
    }
}

public sealed class ApiRateLimitTests(SmallApiLimitAppFactory app) : IClassFixture<SmallApiLimitAppFactory>
{
    [Fact]
    public async Task Api_PastTheLimitFromOneAddress_Answers429ProblemWithRetryAfter_OtherAddressesStillRead()
    {
        var program = app.CreateBrowser(clientAddress: "203.0.113.40");
        for (var i = 0; i < SmallApiLimitAppFactory.ApiLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await program.GetAsync(new Uri(i % 2 == 0 ? "/api/v1/units" : "/api/v1/bulletins", UriKind.Relative))).StatusCode);
        }

        var (refused, problem) = await program.GetJsonAsync("/api/v1/bulletins?page=2");
        var (openApi, _) = await program.GetJsonAsync("/openapi/v1.json");
        var (other, _) = await app.CreateBrowser(clientAddress: "203.0.113.41").GetJsonAsync("/api/v1/units");
        var (page, _) = await Html.GetAsync(program, "/");

        ApiResponses.AssertProblem(refused, HttpStatusCode.TooManyRequests, problem);
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
