using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Api;

/// <summary>
/// The app with bulletins of several publishing units, old and new, at the edges of Vietnam days. The clock stands at
/// 20 Nov 2026 10:00 Vietnam time; the public address is <see cref="BaseUrl"/>.
/// </summary>
public class ApiSiteFactory : NewsAppFactory, IAsyncLifetime
{
    public const string BaseUrl = "https://tintuc.cholon.example";

    // Unit ids as seeded (PublishingUnitConfiguration): the district 1, the 2025 wards 2-4, numbered ward N is 10 + N.
    public const int QuanFive = 1, ChoQuan = 2, AnDong = 3, ChoLon = 4, Phuong10Unit = 20, Phuong11Unit = 21, Phuong15Unit = 25;

    public const int DistrictCategory = TestArticles.DistrictBulletin; // ban-tin-quan
    public const int WardCategory = TestArticles.WardNews;             // tin-phuong

    public Article ChoLonToday { get; private set; } = null!;        // cho-lon, 18/11/2026
    public Article AnDongNews { get; private set; } = null!;         // an-dong, 19/11/2026
    public Article FirstWardDay { get; private set; } = null!;       // cho-quan, 01/07/2025 00:30 (still 30/06 in UTC)
    public Article LastDistrictDay { get; private set; } = null!;    // quan-5, 30/06/2025 23:30
    public Article Phuong11 { get; private set; } = null!;           // phuong-11, 10/03/2025
    public Article Phuong10 { get; private set; } = null!;           // phuong-10 (joined 11 in 2025), 01/06/2024
    public Article Phuong15 { get; private set; } = null!;           // phuong-15 (joined 12 in 2021), 05/05/2020

    /// <summary>The visible bulletins, newest first.</summary>
    public IReadOnlyList<Article> Visible { get; private set; } = [];

    public IReadOnlyList<Article> Hidden { get; private set; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
    }

    public virtual async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            ChoLonToday = await AddAsync(db, "Phường Chợ Lớn ra quân làm sạch kênh rạch", new(2026, 11, 18, 8, 0, 0), ChoLon, WardCategory, importedViews: 37);
            ChoLonToday.SetContent(ChoLonToday.Title, "Sáng nay, phường ra quân.", new HtmlBodySanitizer().SanitizeHtml(
                "<p>Đoạn thứ nhất.</p><p>Xem thêm <a href=\"/chuyen-muc/tin-phuong\">tin phường</a> &amp; ảnh.</p>"), "Đoạn thứ nhất. Xem thêm tin phường & ảnh.");
            await db.SaveChangesAsync();
            AnDongNews = await AddAsync(db, "Phường An Đông tiếp công dân", new(2026, 11, 19, 9, 0, 0), AnDong, WardCategory);
            FirstWardDay = await AddAsync(db, "Phường Chợ Quán ra mắt", new(2025, 7, 1, 0, 30, 0), ChoQuan, WardCategory);
            LastDistrictDay = await AddAsync(db, "UBND Quận 5 tổng kết hoạt động", new(2025, 6, 30, 23, 30, 0), QuanFive, DistrictCategory);
            Phuong11 = await AddAsync(db, "Phường 11 tổ chức hội nghị", new(2025, 3, 10, 9, 0, 0), Phuong11Unit, WardCategory);
            Phuong10 = await AddAsync(db, "Phường 10 trao quà cho hộ nghèo", new(2024, 6, 1, 9, 0, 0), Phuong10Unit, DistrictCategory);
            Phuong15 = await AddAsync(db, "Phường 15 khánh thành nhà văn hóa", new(2020, 5, 5, 9, 0, 0), Phuong15Unit, DistrictCategory);

            var draft = await AddAsync(db, "Bản nháp của Chợ Lớn", new(2026, 11, 17, 8, 0, 0), ChoLon, WardCategory, ArticleStatus.Draft);
            var unpublished = await AddAsync(db, "Tin đã gỡ của Chợ Lớn", new(2026, 11, 16, 8, 0, 0), ChoLon, WardCategory, ArticleStatus.Unpublished);
            var scheduled = await AddAsync(db, "Tin hẹn giờ của Chợ Lớn", new(2026, 11, 21, 8, 0, 0), ChoLon, WardCategory);
            var trashed = await AddAsync(db, "Tin trong thùng rác của Chợ Lớn", new(2026, 11, 15, 8, 0, 0), ChoLon, WardCategory);
            trashed.DeletedAtUtc = Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();

            Visible = [AnDongNews, ChoLonToday, FirstWardDay, LastDistrictDay, Phuong11, Phuong10, Phuong15];
            Hidden = [draft, unpublished, scheduled, trashed];
        });
    }


    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client of the web service: a browser's user agent (so counting would count it if it could), JSON accepted.</summary>
    public HttpClient CreateApiClient(string? clientAddress = null)
    {
        var client = CreateBrowser(clientAddress: clientAddress);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static async Task<Article> AddAsync(
        NewsDbContext db, string title, DateTime publishedAtVietnam, int unitId, int categoryId,
        ArticleStatus status = ArticleStatus.Published, long importedViews = 0)
    {
        var article = await TestArticles.AddAsync(db, title, publishedAtVietnam, categoryId, status: status, importedViews: importedViews);
        article.UnitId = unitId;
        await db.SaveChangesAsync();
        return article;
    }
}

/// <summary>Reading the web service's answers.</summary>
public static class ApiResponses
{
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    public static int[] Ids(this JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];

    public static string Tag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered without an ETag.");

    public static void AssertProblem(HttpResponseMessage response, HttpStatusCode status, JsonElement problem)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
