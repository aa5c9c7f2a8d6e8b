using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using Microsoft.AspNetCore.Hosting;

namespace District5News.IntegrationTests.Residents;

/// <summary>
/// The app at its public address (Site:BaseUrl) with sitemap pages of five addresses, over bulletins made for sharing,
/// feeds and related bulletins. The clock stands at 20 Nov 2026 10:00 Vietnam time.
/// <list type="bullet">
/// <item>"Tin phường": three bulletins about dengue (sốt xuất huyết) weeks apart, with twenty unrelated ward bulletins
/// between them (so none is in another's TIN MỚI HƠN / TIN ĐÃ ĐƯA), and an unrelated evening show.</item>
/// <item>"Thông báo": a dengue notice (same words, another category), a draft about dengue, a scheduled bulletin.</item>
/// <item>"Bản tin quận": one bulletin with a JPEG cover, one with a WebP cover, one published yesterday evening.</item>
/// </list>
/// </summary>
public sealed class ResidentsSiteFactory : NewsAppFactory, IAsyncLifetime
{
    public const string BaseUrl = "https://tintuc.quan5.gov.vn";

    public const int SitemapPageSize = 5;

    public Article Dengue { get; private set; } = null!;

    public Article DengueSpraying { get; private set; } = null!;

    public Article DengueRising { get; private set; } = null!;

    public Article DengueNotice { get; private set; } = null!;

    public Article DengueDraft { get; private set; } = null!;

    public Article EveningShow { get; private set; } = null!;

    public Article WithJpegCover { get; private set; } = null!;

    public Article WithWebpCover { get; private set; } = null!;

    public Article Yesterday { get; private set; } = null!;

    public Article Scheduled { get; private set; } = null!;

    public string UrlOf(Article article) => $"/tin-tuc/{article.Id}/{article.Slug}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("Feeds:SitemapPageSize", SitemapPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            DengueRising = await TestArticles.AddAsync(db, "Sốt xuất huyết tăng nhanh, người dân cần diệt lăng quăng",
                new DateTime(2026, 8, 1, 8, 0, 0), TestArticles.WardNews);
            await TestArticles.AddSeriesAsync(db, 12, new DateTime(2026, 8, 10, 8, 0, 0), TestArticles.WardNews, "Bản tin phường tháng tám");
            DengueSpraying = await TestArticles.AddAsync(db, "Phun thuốc diệt muỗi phòng sốt xuất huyết ở An Đông",
                new DateTime(2026, 9, 1, 8, 0, 0), TestArticles.WardNews);
            await TestArticles.AddSeriesAsync(db, 12, new DateTime(2026, 9, 10, 8, 0, 0), TestArticles.WardNews, "Bản tin phường tháng chín");
            Dengue = await TestArticles.AddAsync(db, "Ra quân phòng chống sốt xuất huyết tại Phường Chợ Lớn",
                new DateTime(2026, 10, 1, 8, 15, 0), TestArticles.WardNews,
                lead: "Sáng nay, hơn 200 người dân và đoàn viên ra quân vệ sinh môi trường, phòng chống sốt xuất huyết.");
            await TestArticles.AddSeriesAsync(db, 12, new DateTime(2026, 10, 10, 8, 0, 0), TestArticles.WardNews, "Bản tin phường tháng mười");
            EveningShow = await TestArticles.AddAsync(db, "Đêm văn nghệ mừng ngày Nhà giáo Việt Nam",
                new DateTime(2026, 11, 10, 20, 30, 0), TestArticles.WardNews);

            DengueNotice = await TestArticles.AddAsync(db, "Khuyến cáo phòng bệnh sốt xuất huyết mùa mưa",
                new DateTime(2026, 10, 5, 9, 0, 0), TestArticles.Announcements);
            DengueDraft = await TestArticles.AddAsync(db, "Bản nháp: sốt xuất huyết ở Chợ Lớn", new DateTime(2026, 10, 6, 9, 0, 0),
                TestArticles.Announcements, status: ArticleStatus.Draft);
            Scheduled = await TestArticles.AddAsync(db, "Thông báo hẹn giờ về lịch tiếp dân", new DateTime(2026, 11, 21, 8, 0, 0),
                TestArticles.Announcements);

            WithJpegCover = await TestArticles.AddAsync(db, "Khánh thành công viên bờ kè kênh Tàu Hũ", new DateTime(2026, 11, 15, 7, 0, 0));
            WithJpegCover.CoverImagePath = "/uploads/2026/11/cong-vien.jpg";
            WithWebpCover = await TestArticles.AddAsync(db, "Lễ hội đường phố dịp Tết Trung thu", new DateTime(2026, 9, 20, 19, 0, 0));
            WithWebpCover.CoverImagePath = "/uploads/2026/09/trung-thu.webp";
            Yesterday = await TestArticles.AddAsync(db, "Hội nghị tổng kết công tác dân vận năm 2026", new DateTime(2026, 11, 19, 20, 15, 0));
            await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
