using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Hosting;

namespace District5News.IntegrationTests.Reader;

/// <summary>
/// The ranking rules of docs/search.md, each on bulletins that differ in that one respect (the one that loses is
/// always the newer, so newest-first alone would give the other order), on SQLite (FTS5) and PostgreSQL.
/// </summary>
public abstract class SearchRankingTests(SearchRankingTests.RankingSite app)
{
    private async Task<IReadOnlyList<string>> TitlesAsync(string query)
    {
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        return page.Texts("[data-test=search-result] .article-link");
    }

    private static void Before(IReadOnlyList<string> titles, string first, string second)
    {
        Assert.Contains(first, titles);
        Assert.Contains(second, titles);
        Assert.True(titles.ToList().IndexOf(first) < titles.ToList().IndexOf(second), $"“{first}” should come before “{second}”: {string.Join(" | ", titles)}");
    }

    [Fact]
    public async Task Phrase_BeatsWordsApart() =>
        Before(await TitlesAsync("hoc bong"), "Tin giáo dục 1", "Tin giáo dục 2");

    [Fact]
    public async Task Phrase_BeatsWordsTogetherInAnotherOrder() =>
        Before(await TitlesAsync("tau hu kenh"), "Tin môi trường 1", "Tin môi trường 2");

    [Fact]
    public async Task WordsTogether_BeatWordsApart() =>
        Before(await TitlesAsync("tau hu kenh"), "Tin môi trường 2", "Tin môi trường 3");

    [Fact]
    public async Task WordsTogether_AllowOneSyllableBetween_NotTwo()
    {
        var titles = await TitlesAsync("xe rac");

        // "xe chở rác" and "rác xe" (reversed) are together (newest first); "xe chở đầy rác" is apart, though newest.
        Assert.Equal(["Tin vệ sinh 2", "Tin vệ sinh 1", "Tin vệ sinh 3"], titles);
    }

    [Fact]
    public async Task TitleMatch_BeatsBodyMatch() =>
        Before(await TitlesAsync("phong chay"), "Diễn tập phòng cháy ở chung cư", "Tin an toàn");

    [Fact]
    public async Task SameToneMarks_BeatFoldedMatch() =>
        Before(await TitlesAsync("Bến Thành"), "Tin du lịch", "Tin giao thông");

    [Fact]
    public async Task QueryWithoutMarks_RanksFoldedMatchesAlike()
    {
        var titles = await TitlesAsync("ben thanh");

        // No marks typed: the title first, then newest first, whatever the marks of the text.
        Assert.Equal(["Ngồi bên thành cầu hóng mát", "Tin giao thông", "Tin du lịch", "Tin bến xe"], titles);
    }

    [Fact]
    public async Task SameToneMarks_BeatTitleMatch() =>
        Before(await TitlesAsync("Bến Thành"), "Tin du lịch", "Ngồi bên thành cầu hóng mát");

    [Fact]
    public async Task Closeness_BeatsSameToneMarks()
    {
        var titles = await TitlesAsync("Bến Thành");

        // "bên thành" (a phrase once folded) before "Bến ... thành" (the marks typed, but apart).
        Assert.Equal(["Tin du lịch", "Ngồi bên thành cầu hóng mát", "Tin giao thông", "Tin bến xe"], titles);
    }

    [Fact]
    public async Task Closeness_BeatsTitleMatch() =>
        Before(await TitlesAsync("den do"), "Tin giao thông đêm", "Đỏ mặt vì đèn hỏng");

    [Fact]
    public async Task TuDaiPhong_TheBulletinNamingHimComesFirst_WithOrWithoutMarks()
    {
        var (_, marked) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString("Tô Đại Phong"));
        var plain = await TitlesAsync("to dai phong");
        var first = marked.QuerySelectorAll("[data-test=search-result]")[0];

        // Every decoy holds tổ/tô, đại/đãi/dài and phòng/phong somewhere, and every one is newer.
        Assert.Equal(RankingSite.TuDaiPhongDecoys + 1, marked.QuerySelectorAll("[data-test=search-result]").Length);
        Assert.Equal(RankingSite.NamingHim, first.QuerySelector(".article-link")!.TextContent);
        Assert.Equal(RankingSite.NamingHim, plain[0]);

        // The snippet is taken around the name (deep in the body), and marks it as one phrase.
        Assert.Equal(["Tô Đại Phong"], first.QuerySelectorAll(".lead mark").Select(m => m.TextContent));
        Assert.DoesNotContain(marked.QuerySelectorAll("[data-test=search-result] mark"), m => m.TextContent is "Tổ" or "tổ" or "phòng" or "đãi" or "dài");
    }

    [Fact]
    public async Task ChoLon_PhraseResultsFirst_AndChoAloneIsNeverHighlighted()
    {
        var (_, page) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString("Chợ Lớn"));
        var titles = page.Texts("[data-test=search-result] .article-link");
        var marks = page.QuerySelectorAll("[data-test=search-result] mark").Select(m => m.TextContent).ToList();

        Assert.Equal(7, titles.Count);
        // The phrase with its marks: the title first, then the bodies newest first; then "chó lớn"; then the words apart.
        Assert.Equal(["Phường Chợ Lớn ra quân dọn vệ sinh", "Tin phường 2", "Tin phường 1", "Nuôi chó lớn trong chung cư"], titles.Take(4));
        Assert.Contains("Chợ Lớn", marks);
        Assert.DoesNotContain(marks, m => m.Equals("cho", StringComparison.OrdinalIgnoreCase));
    }

    public sealed class OnSqlite(RankingSite app) : SearchRankingTests(app), IClassFixture<RankingSite>;

    public sealed class OnPostgreSql(RankingSite.OnPostgreSql app) : SearchRankingTests(app), IClassFixture<RankingSite.OnPostgreSql>;

    /// <summary>Small groups of bulletins, each with syllables of its own, published through 2026 (the clock stands at 20/11/2026).</summary>
    public class RankingSite : NewsAppFactory, IAsyncLifetime
    {
        public const string NamingHim = "Hội nghị tổng kết công tác dân vận năm 2026";
        public const int TuDaiPhongDecoys = 7;

        public RankingSite()
        {
        }

        protected RankingSite(DatabaseProvider provider)
            : base(provider)
        {
        }

        public sealed class OnPostgreSql() : RankingSite(DatabaseProvider.PostgreSql);

        public async Task InitializeAsync()
        {
            var filler = string.Concat(Enumerable.Repeat("Các đại biểu nghe báo cáo về kết quả thực hiện nhiệm vụ trong năm. ", 8));
            (string Title, string Body)[] bulletins =
            [
                // Phrase and words apart.
                ("Tin giáo dục 1", "Trao học bổng cho học sinh nghèo vượt khó."),
                ("Tin giáo dục 2", "Học sinh được tặng quà và bổng lộc đầu năm."),

                // Phrase, together in another order, apart (typed: "tàu hũ kênh").
                ("Tin môi trường 1", "Rác trôi về đoạn Tàu Hũ kênh cũ."),
                ("Tin môi trường 2", "Nạo vét kênh Tàu Hũ đoạn qua phường."),
                ("Tin môi trường 3", "Tàu chở hàng qua kênh, rác hũ nhựa được vớt lên."),

                // How far apart "together" may be.
                ("Tin vệ sinh 1", "Thu gom rác xe đẩy tay."),
                ("Tin vệ sinh 2", "Đội xe chở rác làm việc ban đêm."),
                ("Tin vệ sinh 3", "Mỗi chiếc xe chở đầy rác về trạm."),

                // Title and body.
                ("Diễn tập phòng cháy ở chung cư", "Người dân tham gia đông đủ."),
                ("Tin an toàn", "Kiểm tra phòng cháy tại các hộ kinh doanh."),

                // Tone marks: Bến Thành, bên thành (folded the same), and Bến ... thành apart.
                ("Tin du lịch", "Khách tham quan Bến Thành rất đông."),
                ("Ngồi bên thành cầu hóng mát", "Nội dung đang cập nhật."),
                ("Tin giao thông", "Người dân ngồi bên thành cầu."),
                ("Tin bến xe", "Bến xe miền Tây và thành phố."),

                // Closeness and title: "đèn đỏ" in the body; "đỏ ... đèn" in a title.
                ("Tin giao thông đêm", "Xử phạt xe vượt đèn đỏ."),
                ("Đỏ mặt vì đèn hỏng", "Khu phố nhờ sửa chữa."),

                // The issue's first example: the bulletin naming him, then decoys.
                (NamingHim, filler + "Phát biểu tại hội nghị, ông Tô Đại Phong, Trưởng ban Dân vận, đề nghị các tổ dân phố tiếp tục lắng nghe người dân. " + filler),
                ("Tổ dân phố 5 tổ chức đại hội, phòng chống dịch", "Nội dung."),
                ("Đại diện tổ công tác đến phòng khám", "Nội dung."),
                ("Tổ dân phố đãi tiệc mừng", "Liên hoan tại phòng văn hóa."),
                ("Dài hạn: tổ chức phòng đọc", "Nội dung."),
                ("Tô màu tranh ngày hội đại đoàn kết", "Phong trào thiếu nhi."),
                ("Phong trào đại đoàn kết", "Các tổ dân phố hưởng ứng."),
                ("Đại hội tổ phụ nữ", "Phòng họp chật kín."),

                // The issue's second example: Chợ Lớn, then cho / lon decoys.
                ("Phường Chợ Lớn ra quân dọn vệ sinh", "Nội dung."),
                ("Tin phường 1", "Người dân phường Chợ Lớn hưởng ứng."),
                ("Tin phường 2", "Tại chợ Lớn, tiểu thương treo cờ."),
                ("Nuôi chó lớn trong chung cư", "Nội dung."),
                ("Cho vay vốn lớn", "Nội dung."),
                ("Trao quà cho các cụ", "Các cụ lớn tuổi vui mừng."),
                ("Lon nước ngọt cho trẻ em", "Nội dung."),
            ];

            await WithDbAsync(async db =>
            {
                // Each group's first bulletin is its oldest: the rules must lift it over the newer ones.
                var at = new DateTime(2026, 1, 5, 8, 0, 0);
                foreach (var (title, body) in bulletins)
                {
                    at = at.AddDays(1);
                    await TestArticles.AddAsync(db, title, at, TestArticles.WardNews, lead: "Tóm tắt.", paragraphs: [body]);
                }
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
