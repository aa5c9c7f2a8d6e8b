using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;

namespace District5News.IntegrationTests.Residents;

/// <summary>
/// Pictures and layout (issue 11 §3) and comfortable reading (§4) as the served HTML carries them: covers and
/// thumbnails with their size reserved, the two-column home page, the text-size and contrast controls, the read-aloud
/// button hidden until a script finds a Vietnamese voice, the agency's name for print.
/// </summary>
public sealed class ReadingComfortTests(ReadingComfortTests.Site app) : IClassFixture<ReadingComfortTests.Site>
{
    /// <summary>The top story has a cover, an older one has another, the oldest has none.</summary>
    public sealed class Site : NewsAppFactory, IAsyncLifetime
    {
        public Article TopWithCover { get; private set; } = null!;

        public Article OlderWithCover { get; private set; } = null!;

        public Article WithoutCover { get; private set; } = null!;

        public async Task InitializeAsync() => await WithDbAsync(async db =>
        {
            WithoutCover = await TestArticles.AddAsync(db, "Họp dân về chỉnh trang vỉa hè", new DateTime(2026, 11, 10, 8, 0, 0),
                paragraphs: ["Người dân góp ý phương án chỉnh trang.", "Xem thêm tại <a href=\"https://quan5.hochiminhcity.gov.vn/\">cổng thông tin quận</a>."]);
            OlderWithCover = await TestArticles.AddAsync(db, "Trồng cây xanh trên đường Trần Hưng Đạo", new DateTime(2026, 11, 15, 8, 0, 0),
                TestArticles.WardNews);
            OlderWithCover.CoverImagePath = "/uploads/2026/11/cay-xanh.jpg";
            TopWithCover = await TestArticles.AddAsync(db, "Khánh thành trường mầm non Phường Chợ Quán", new DateTime(2026, 11, 19, 8, 0, 0));
            TopWithCover.CoverImagePath = "/uploads/2026/11/truong-mam-non.jpg";
            await db.SaveChangesAsync();
        });

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public string UrlOf(Article article) => $"/tin-tuc/{article.Id}/{article.Slug}";
    }

    [Fact]
    public async Task Home_TopStoryShowsItsCover_WithItsSizeReservedAndLoadedAtOnce()
    {
        var (response, page) = await app.GetAsReaderAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cover = page.QuerySelector("[data-test=feature] img[data-test=feature-cover]");
        Assert.NotNull(cover);
        Assert.Equal("/uploads/2026/11/truong-mam-non.jpg", cover.GetAttribute("src"));
        Assert.Equal("Ảnh minh họa: Khánh thành trường mầm non Phường Chợ Quán", cover.GetAttribute("alt"));
        Assert.Equal("1200", cover.GetAttribute("width"));
        Assert.Equal("675", cover.GetAttribute("height"));
        Assert.Null(cover.GetAttribute("loading")); // above the fold: not lazy
    }

    [Fact]
    public async Task Lists_ShowALazyThumbnailWithWidthAndHeight_OnlyWhereTheBulletinHasACover()
    {
        var (_, page) = await app.GetAsReaderAsync("/");

        var items = page.QuerySelectorAll("[data-test=article-item]");
        var withCover = items.Where(i => i.QuerySelector(".article-link")!.TextContent == "Trồng cây xanh trên đường Trần Hưng Đạo").ToList();
        var withoutCover = items.Where(i => i.QuerySelector(".article-link")!.TextContent == "Họp dân về chỉnh trang vỉa hè").ToList();
        Assert.NotEmpty(withCover);
        Assert.NotEmpty(withoutCover);
        foreach (var item in withCover)
        {
            var thumb = item.QuerySelector("img[data-test=thumb]");
            Assert.NotNull(thumb);
            Assert.Equal("/uploads/2026/11/cay-xanh.jpg", thumb.GetAttribute("src"));
            Assert.Equal("160", thumb.GetAttribute("width"));
            Assert.Equal("90", thumb.GetAttribute("height"));
            Assert.Equal("lazy", thumb.GetAttribute("loading"));
            Assert.Equal(string.Empty, thumb.GetAttribute("alt")); // the title beside it names the bulletin
        }
        Assert.All(withoutCover, item => Assert.Null(item.QuerySelector("img")));
    }

    [Fact]
    public async Task CategoryPage_ShowsTheThumbnailToo()
    {
        var (_, page) = await app.GetAsReaderAsync("/chuyen-muc/tin-phuong");

        var thumb = page.QuerySelector("[data-test=article-item] img[data-test=thumb]");
        Assert.NotNull(thumb);
        Assert.Equal("lazy", thumb.GetAttribute("loading"));
    }

    [Fact]
    public async Task Home_HasTheTwoColumnStructure_TopStoryBesideTheLatest_ThenTheCategories()
    {
        var (_, page) = await app.GetAsReaderAsync("/");

        var top = page.QuerySelector("main [data-test=home-top]");
        Assert.NotNull(top);
        Assert.Equal(["ARTICLE", "UL"], top.Children.Select(c => c.TagName).ToArray());
        var sections = page.QuerySelector("main [data-test=home-sections]");
        Assert.NotNull(sections);
        Assert.True(sections.QuerySelectorAll(":scope > [data-test=home-section]").Length >= 2);
    }

    [Fact]
    public async Task EveryPage_CarriesTheTextSizeAndContrastControls_InVietnamese()
    {
        var (_, page) = await app.GetAsReaderAsync(app.UrlOf(app.WithoutCover));

        var tools = page.QuerySelector("[data-test=reading-tools]");
        Assert.NotNull(tools);
        Assert.Equal("group", tools.GetAttribute("role"));
        Assert.Equal("Cỡ chữ và độ tương phản", tools.GetAttribute("aria-label"));
        Assert.Equal("A− (giảm cỡ chữ)", Name(page, "text-smaller"));
        Assert.Equal("A (cỡ chữ mặc định)", Name(page, "text-default"));
        Assert.Equal("A+ (tăng cỡ chữ)", Name(page, "text-larger"));
        Assert.Equal("true", page.QuerySelector("[data-test=text-default]")!.GetAttribute("aria-pressed"));
        var contrast = page.QuerySelector("[data-test=high-contrast]")!;
        Assert.Equal("Tương phản cao", contrast.TextContent.Trim());
        Assert.Equal("false", contrast.GetAttribute("aria-pressed"));
        Assert.All(tools.QuerySelectorAll("button"), b => Assert.Equal("button", b.GetAttribute("type")));
    }

    [Fact]
    public async Task ReadingScript_IsLoadedInTheHead_BeforeThePageIsPainted()
    {
        var (_, page) = await app.GetAsReaderAsync("/");

        var script = page.Head!.QuerySelector("script[src^='/js/reading.']");
        Assert.NotNull(script);
        Assert.False(script.HasAttribute("defer"));
        Assert.False(script.HasAttribute("async"));
        var file = await app.CreateBrowser().GetAsync(new Uri(script.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var text = await file.Content.ReadAsStringAsync();
        Assert.Contains("localStorage", text, StringComparison.Ordinal);
        Assert.Contains("high-contrast", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_ReadAloudButton_IsHiddenUntilTheScriptFindsAVietnameseVoice()
    {
        var (_, page) = await app.GetAsReaderAsync(app.UrlOf(app.TopWithCover));

        var button = page.QuerySelector("[data-test=read-aloud]");
        Assert.NotNull(button);
        Assert.Equal("Nghe đọc bài", button.TextContent.Trim());
        Assert.True(button.HasAttribute("hidden"));
        Assert.Equal("false", button.GetAttribute("aria-pressed"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/read-aloud.']"));
        Assert.NotNull(page.QuerySelector("[data-read-aloud-status][role=status]"));
        Assert.Equal(3, page.QuerySelectorAll("[data-read-aloud-text]").Length); // title, lead, body
    }

    [Fact]
    public async Task Article_CoverHasItsSizeReserved_AndTheAgencyNameIsThereForPrint()
    {
        var (_, page) = await app.GetAsReaderAsync(app.UrlOf(app.TopWithCover));

        var cover = page.QuerySelector("img[data-test=cover]");
        Assert.NotNull(cover);
        Assert.Equal("1200", cover.GetAttribute("width"));
        Assert.Equal("675", cover.GetAttribute("height"));
        Assert.Equal($"{District5News.Web.Data.Configurations.SiteSettingsDefaults.GoverningBody} – {District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName}", page.Text(".print-agency"));
    }

    [Fact]
    public async Task PrintStylesheet_PrintsLinkAddresses_AndShowsTheAgencyName()
    {
        var (_, page) = await app.GetAsReaderAsync("/");
        var href = page.Head!.QuerySelector("link[rel=stylesheet][media=print]")!.GetAttribute("href")!;

        var css = await (await app.CreateBrowser().GetAsync(new Uri(href, UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains("attr(href)", css, StringComparison.Ordinal);
        Assert.Contains(".print-agency { display: block", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteStylesheet_KeepsHiddenElementsHidden_EvenButtonsItStyles()
    {
        var (_, page) = await app.GetAsReaderAsync("/");
        var href = page.Head!.QuerySelector("link[rel=stylesheet]:not([media])")!.GetAttribute("href")!;

        var css = await (await app.CreateBrowser().GetAsync(new Uri(href, UriKind.Relative))).Content.ReadAsStringAsync();

        // "button { display: inline-block }" would otherwise show the read-aloud button where no Vietnamese voice exists.
        Assert.Contains("[hidden] { display: none !important; }", css, StringComparison.Ordinal);
    }

    private static string Name(IDocument page, string test) =>
        page.QuerySelector($"[data-test={test}]")!.TextContent.Trim();
}
