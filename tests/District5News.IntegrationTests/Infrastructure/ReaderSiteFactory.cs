using District5News.Web.Data.Entities;
using District5News.Web.Hosting;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>
/// The app with a known set of bulletins. The clock stands at 20 Nov 2026 10:00 Vietnam time.
/// <list type="bullet">
/// <item>"Bản tin quận": 25 bulletins "Bản tin quận số 1..25", one a day at 8:15 SA from 1 Oct 2026.</item>
/// <item>"Tin phường": the search bulletins below, and one at 20:30 (CH) on 10 Nov 2026.</item>
/// <item>"Thông báo": a draft, an unpublished and a scheduled bulletin, none of which may appear.</item>
/// </list>
/// </summary>
public class ReaderSiteFactory : NewsAppFactory, IAsyncLifetime
{
    public ReaderSiteFactory()
    {
    }

    protected ReaderSiteFactory(DatabaseProvider provider)
        : base(provider)
    {
    }
    public static readonly DateTime FirstDistrictBulletin = new(2026, 10, 1, 8, 15, 0);

    public List<Article> DistrictSeries { get; private set; } = [];

    public Article TuyenGiao { get; private set; } = null!;

    public Article DongChi { get; private set; } = null!;

    public Article Evening { get; private set; } = null!;

    public Article Draft { get; private set; } = null!;

    public Article Unpublished { get; private set; } = null!;

    public Article Scheduled { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            DistrictSeries = [];
            for (var i = 0; i < 25; i++)
            {
                DistrictSeries.Add(await TestArticles.AddAsync(db, $"Bản tin quận số {i + 1}", FirstDistrictBulletin.AddDays(i),
                    lead: $"Tóm tắt bản tin quận số {i + 1}.", importedViews: 100 + i));
            }

            TuyenGiao = await TestArticles.AddAsync(db, "Ban Tuyên giáo Quận ủy triển khai nhiệm vụ năm 2027",
                new DateTime(2026, 11, 12, 9, 0, 0), TestArticles.WardNews,
                lead: "Sáng nay, Ban Tuyên giáo Quận ủy tổ chức hội nghị triển khai nhiệm vụ.",
                paragraphs: ["Hội nghị có sự tham dự của đại diện các phường.", "Các đại biểu thống nhất kế hoạch tuyên truyền."]);
            DongChi = await TestArticles.AddAsync(db, "Đồng chí Bí thư Quận ủy thăm hỏi gia đình chính sách",
                new DateTime(2026, 11, 11, 15, 0, 0), TestArticles.WardNews,
                lead: "Nhân dịp kỷ niệm, đồng chí Bí thư đến thăm và tặng quà.",
                paragraphs: ["Đoàn đã thăm mười hai gia đình trên địa bàn."]);
            Evening = await TestArticles.AddAsync(db, "Phường tổ chức đêm văn nghệ mừng ngày Nhà giáo",
                new DateTime(2026, 11, 10, 20, 30, 0), TestArticles.WardNews,
                lead: "Đêm văn nghệ thu hút đông đảo người dân tham dự.", importedViews: 431);

            Draft = await TestArticles.AddAsync(db, "Bản nháp chưa duyệt về tuyên giáo", new DateTime(2026, 11, 15, 8, 0, 0),
                TestArticles.Announcements, status: ArticleStatus.Draft);
            Unpublished = await TestArticles.AddAsync(db, "Thông báo đã gỡ về tuyên giáo", new DateTime(2026, 11, 14, 8, 0, 0),
                TestArticles.Announcements, status: ArticleStatus.Unpublished);
            Scheduled = await TestArticles.AddAsync(db, "Thông báo hẹn giờ về tuyên giáo", new DateTime(2026, 11, 21, 8, 0, 0),
                TestArticles.Announcements);
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>The same site on a database of the run's PostgreSQL cluster.</summary>
    public sealed class OnPostgreSql() : ReaderSiteFactory(DatabaseProvider.PostgreSql);
}
