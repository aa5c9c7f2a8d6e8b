using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Residents;

/// <summary>A link pasted in a Zalo or Facebook group previews well, and search engines read the bulletin (issue 11 §2).</summary>
public sealed class SharePreviewTests(ResidentsSiteFactory app) : IClassFixture<ResidentsSiteFactory>
{
    private const string Base = ResidentsSiteFactory.BaseUrl;

    [Fact]
    public async Task Article_CarriesOpenGraphAndTwitterTags_WithAbsoluteAddressesAndVietnamTime()
    {
        var (response, page) = await GetFromForgedHostAsync(app.UrlOf(app.Dengue));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = Base + app.UrlOf(app.Dengue);
        Assert.Equal("article", Property(page, "og:type"));
        Assert.Equal("Ra quân phòng chống sốt xuất huyết tại Phường Chợ Lớn", Property(page, "og:title"));
        Assert.Equal("Sáng nay, hơn 200 người dân và đoàn viên ra quân vệ sinh môi trường, phòng chống sốt xuất huyết.", Property(page, "og:description"));
        Assert.Equal(url, Property(page, "og:url"));
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("2026-10-01T08:15:00+07:00", Property(page, "article:published_time"));
        Assert.Equal("Tin phường", Property(page, "article:section"));
        Assert.Equal(Base + "/img/chia-se.png", Property(page, "og:image"));
        Assert.Equal("summary_large_image", Name(page, "twitter:card"));
        Assert.Equal(Property(page, "og:title"), Name(page, "twitter:title"));
        Assert.Equal(Base + "/img/chia-se.png", Name(page, "twitter:image"));
    }

    [Fact]
    public async Task HomePage_PreviewsAsTheSite()
    {
        var (_, page) = await GetFromForgedHostAsync("/");

        Assert.Equal("website", Property(page, "og:type"));
        Assert.Equal(District5News.Web.Data.Configurations.SiteSettingsDefaults.SiteName, Property(page, "og:title"));
        Assert.Equal(Base + "/", Property(page, "og:url"));
        Assert.False(string.IsNullOrWhiteSpace(Property(page, "og:description")));
        Assert.Equal(Base + "/img/chia-se.png", Property(page, "og:image"));
        Assert.Equal("1200", Property(page, "og:image:width"));
        Assert.Equal("630", Property(page, "og:image:height"));
        Assert.Null(page.QuerySelector("meta[property='article:published_time']"));
    }

    [Fact]
    public async Task SiteImage_IsA1200By630Png()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/img/chia-se.png", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4))); // IHDR width
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));   // IHDR height
    }

    [Fact]
    public async Task JpegCover_IsThePreviewImage_WebpCoverIsNot()
    {
        var (_, jpeg) = await GetFromForgedHostAsync(app.UrlOf(app.WithJpegCover));
        var (_, webp) = await GetFromForgedHostAsync(app.UrlOf(app.WithWebpCover));

        Assert.Equal(Base + "/uploads/2026/11/cong-vien.jpg", Property(jpeg, "og:image"));
        Assert.Equal(Base + "/img/chia-se.png", Property(webp, "og:image"));
    }

    [Fact]
    public async Task Article_JsonLd_IsANewsArticleByAGovernmentOrganization_WithBreadcrumbs()
    {
        var (_, page) = await GetFromForgedHostAsync(app.UrlOf(app.WithJpegCover));
        var blocks = JsonLd(page);

        var article = blocks.Single(b => b.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal("Khánh thành công viên bờ kè kênh Tàu Hũ", article.GetProperty("headline").GetString());
        Assert.Equal("2026-11-15T07:00:00+07:00", article.GetProperty("datePublished").GetString());
        var modified = DateTimeOffset.Parse(article.GetProperty("dateModified").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(7), modified.Offset);
        Assert.True(modified >= new DateTimeOffset(2026, 11, 15, 7, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal([Base + "/uploads/2026/11/cong-vien.jpg"], article.GetProperty("image").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("GovernmentOrganization", article.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal(District5News.Web.Data.Configurations.SiteSettingsDefaults.GoverningBody, article.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(Base + app.UrlOf(app.WithJpegCover), article.GetProperty("mainEntityOfPage").GetString());

        var crumbs = blocks.Single(b => b.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Trang chủ", "Bản tin quận", "Khánh thành công viên bờ kè kênh Tàu Hũ"], crumbs.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal([Base + "/", Base + "/chuyen-muc/ban-tin-quan", Base + app.UrlOf(app.WithJpegCover)], crumbs.Select(c => c.GetProperty("item").GetString()));
    }

    [Fact]
    public async Task JsonLd_ATitleThatLooksLikeMarkup_CannotEndTheScriptElement()
    {
        var hostile = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Tin </script><script>alert(1)</script> & <!-- lạ", new DateTime(2026, 11, 18, 9, 0, 0)));
        await app.PublicContentChangedAsync();

        var response = await app.CreateBrowser().GetAsync(new Uri(app.UrlOf(hostile), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        var article = JsonLd(page).Single(b => b.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("Tin </script><script>alert(1)</script> & <!-- lạ", article.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Article_ShareLinks_ArePlainLinksToZaloFacebookAndTheBulletin_WithNoThirdPartyScript()
    {
        var (_, page) = await GetFromForgedHostAsync(app.UrlOf(app.Dengue));
        var url = Base + app.UrlOf(app.Dengue);
        var share = page.QuerySelector("[data-test=share]")!;

        Assert.Equal("https://zalo.me/share?url=" + Uri.EscapeDataString(url), share.QuerySelector("[data-test=share-zalo]")!.GetAttribute("href"));
        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(url), share.QuerySelector("[data-test=share-facebook]")!.GetAttribute("href"));
        Assert.Equal(url, share.QuerySelector("[data-test=share-copy]")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/js/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/share.", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("iframe"));
    }

    [Fact]
    public async Task PagesAnnounceTheirFeeds()
    {
        var (_, home) = await GetFromForgedHostAsync("/");
        var (_, category) = await GetFromForgedHostAsync("/chuyen-muc/tin-phuong");
        var (_, article) = await GetFromForgedHostAsync(app.UrlOf(app.Dengue));

        static IEnumerable<string?> Feeds(IDocument page) =>
            page.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href"));
        Assert.Equal(["/rss"], Feeds(home));
        Assert.Equal(["/rss", "/chuyen-muc/tin-phuong/rss"], Feeds(category));
        Assert.Equal(["/rss", "/chuyen-muc/tin-phuong/rss"], Feeds(article));
    }

    /// <summary>A request naming another host: the configured public address must still be the one written.</summary>
    private async Task<(HttpResponseMessage Response, IDocument Document)> GetFromForgedHostAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "ke-gia-mao.example";
        var response = await app.CreateBrowser().SendAsync(request);
        return (response, await Html.ParseAsync(response));
    }

    private static string? Property(IDocument page, string property) =>
        page.QuerySelectorAll("meta[property]").SingleOrDefault(m => m.GetAttribute("property") == property)?.GetAttribute("content");

    private static string? Name(IDocument page, string name) =>
        page.QuerySelectorAll("meta[name]").SingleOrDefault(m => m.GetAttribute("name") == name)?.GetAttribute("content");

    private static List<JsonElement> JsonLd(IDocument page) =>
        page.QuerySelectorAll("script").Where(s => s.GetAttribute("type") == "application/ld+json")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone()).ToList();
}
