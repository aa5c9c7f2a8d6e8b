using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;

namespace District5News.IntegrationTests.Residents.Units;

/// <summary>
/// Bulletins of every kind of unit, to read the units' pages and the home page's ward. The clock stands at
/// 20 Nov 2026 10:00 Vietnam time.
/// <list type="bullet">
/// <item>Phường Chợ Lớn: eleven bulletins of November 2026 (two pages) and a draft; its predecessors: Phường 11
/// (March 2025), Phường 10 (June 2024, which joined Phường 11), Phường 15 (June 2020, which joined Phường 12).</item>
/// <item>Phường An Đông: one bulletin (12/11/2026); its predecessor Phường 5: one (April 2025).</item>
/// <item>UBND Quận 5 (the archive): one bulletin (May 2025).</item>
/// </list>
/// </summary>
public sealed class UnitsSiteFactory : NewsAppFactory, IAsyncLifetime
{
    public const int QuanFive = 1;
    public const int AnDong = 3;
    public const int ChoLon = 4;

    public static int Ward(int number) => 10 + number;

    public List<Article> ChoLonNews { get; } = [];

    public Article ChoLonDraft { get; private set; } = null!;

    public Article Phuong11 { get; private set; } = null!;

    public Article Phuong10 { get; private set; } = null!;

    public Article Phuong15 { get; private set; } = null!;

    public Article AnDongNews { get; private set; } = null!;

    public Article Phuong5 { get; private set; } = null!;

    public Article Archive { get; private set; } = null!;

    public static string UrlOf(Article article) => $"/tin-tuc/{article.Id}/{article.Slug}";

    public async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            ChoLonNews.AddRange(await TestArticles.AddSeriesAsync(db, 11, new DateTime(2026, 11, 1, 8, 0, 0), TestArticles.WardNews, "Tin Phường Chợ Lớn"));
            ChoLonNews.ForEach(a => a.UnitId = ChoLon);
            ChoLonDraft = await TestArticles.AddAsync(db, "Bản nháp của Phường Chợ Lớn", new DateTime(2026, 11, 18, 8, 0, 0), TestArticles.WardNews, status: ArticleStatus.Draft);
            ChoLonDraft.UnitId = ChoLon;
            Phuong11 = await TestArticles.AddAsync(db, "Phường 11 tổ chức ngày hội hiến máu", new DateTime(2025, 3, 5, 8, 0, 0), TestArticles.WardNews);
            Phuong11.UnitId = Ward(11);
            Phuong10 = await TestArticles.AddAsync(db, "Phường 10 ra mắt tổ dân phố kiểu mẫu", new DateTime(2024, 6, 1, 8, 0, 0), TestArticles.WardNews);
            Phuong10.UnitId = Ward(10);
            Phuong15 = await TestArticles.AddAsync(db, "Phường 15 trao quà cho hộ nghèo", new DateTime(2020, 6, 1, 8, 0, 0), TestArticles.WardNews);
            Phuong15.UnitId = Ward(15);
            AnDongNews = await TestArticles.AddAsync(db, "Phường An Đông tiếp xúc cử tri", new DateTime(2026, 11, 12, 8, 0, 0), TestArticles.WardNews);
            AnDongNews.UnitId = AnDong;
            Phuong5 = await TestArticles.AddAsync(db, "Phường 5 khánh thành nhà văn hóa", new DateTime(2025, 4, 2, 8, 0, 0), TestArticles.WardNews);
            Phuong5.UnitId = Ward(5);
            Archive = await TestArticles.AddAsync(db, "UBND Quận 5 tổng kết công tác năm", new DateTime(2025, 5, 20, 8, 0, 0));
            await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
