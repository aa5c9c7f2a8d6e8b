using System.Text;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Vietnamese;
using District5News.Web.Hosting;

namespace District5News.IntegrationTests.Reader;

/// <summary>
/// Pins the ranked answers of a fixed set of queries (issue 15: the search may be made faster, never different).
/// Eighty bulletins built from a few sentences, published in an order unlike the order they were saved in (so the
/// database ids do not give "newest first"), some at the same minute (so the higher id breaks the tie), plus hidden
/// ones holding the same words. The expected order of every page comes from <see cref="Oracle"/>, the rules of
/// docs/search.md written out plainly over the bulletins' texts, independent of the search code; a few queries
/// also carry their order written out by hand.
/// </summary>
public abstract class SearchResultsPinTests(SearchResultsPinTests.PinSite app)
{
    public static TheoryData<string> Queries() =>
    [
        "Chợ Lớn", "cho lon", "CHỢ LỚN", "chợ lớn".Normalize(NormalizationForm.FormD), "lớn chợ", "chợ lớn phường",
        "đèn đỏ", "den do", "Ðèn đỏ", "Tô Đại Phong", "to dai phong", "tàu hũ kênh", "an toàn thực phẩm",
        "thuc pham an toan", "đồng chí bí thư", "dong chi", "tổ dân phố", "phòng", "lớn", "kênh", "xe rác",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryPage_HoldsTheRankedBulletins_OfTheRules(string query)
    {
        var expected = Oracle.Rank(app.Bulletins, query);
        var (shown, counts) = await AllPagesAsync(query);

        Assert.Equal(expected.Select(b => b.Title), shown);
        Assert.All(counts, c => Assert.Equal(expected.Count, c));
    }

    [Fact]
    public async Task ChoLon_ByHand()
    {
        // "Phường Chợ Lớn ra quân" titles hold the phrase with its marks: first, newest first (ties: the later saved);
        // then the bodies with "phường Chợ Lớn" / "chợ Lớn"; then "Nuôi chó lớn" (folded phrase in the title).
        var (shown, _) = await AllPagesAsync("Chợ Lớn");
        var expected = Oracle.Rank(app.Bulletins, "Chợ Lớn");

        Assert.StartsWith("Phường Chợ Lớn ra quân", shown[0], StringComparison.Ordinal);
        var firstNotTitle = shown.FindIndex(t => !t.StartsWith("Phường Chợ Lớn", StringComparison.Ordinal));
        Assert.True(firstNotTitle > 0);
        Assert.All(shown.Skip(firstNotTitle), t => Assert.DoesNotContain("Chợ Lớn", t, StringComparison.Ordinal));
        bool BodyHasPhrase(string t) => app.Bulletins.Single(b => b.Title == t).Body.Contains("chợ lớn", StringComparison.OrdinalIgnoreCase);
        var dogInTitle = shown.FindIndex(t => t.StartsWith("Nuôi chó lớn", StringComparison.Ordinal) && !BodyHasPhrase(t));
        Assert.True(dogInTitle > shown.FindLastIndex(BodyHasPhrase), "the folded phrase in a title comes after every body holding the phrase with its marks");
        Assert.Equal(expected.Select(b => b.Title), shown);
        Assert.DoesNotContain(shown, t => t.Contains("ẩn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameMinute_TheLaterSavedComesFirst()
    {
        var (shown, _) = await AllPagesAsync("kênh");
        var tied = app.Bulletins.Where(b => shown.Contains(b.Title)).GroupBy(b => b.PublishedAt).First(g => g.Count() > 1).OrderByDescending(b => b.Number).ToList();

        Assert.True(shown.IndexOf(tied[0].Title) < shown.IndexOf(tied[1].Title));
    }

    private async Task<(List<string> Titles, List<int> Counts)> AllPagesAsync(string query)
    {
        var titles = new List<string>();
        var counts = new List<int>();
        for (var page = 1; page <= 20; page++)
        {
            var (response, document) = await app.GetAsReaderAsync("/tim-kiem?q=" + Uri.EscapeDataString(query) + (page > 1 ? "&page=" + page : string.Empty));
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                break;
            }

            var shown = document.Texts("[data-test=search-result] .article-link");
            titles.AddRange(shown);
            var count = document.Text("[data-test=search-count]");
            counts.Add(count.StartsWith("Không", StringComparison.Ordinal) ? 0 : int.Parse(new string(count.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture));
            if (shown.Count < 10)
            {
                break;
            }
        }

        return (titles, counts);
    }

    public sealed class OnSqlite(PinSite app) : SearchResultsPinTests(app), IClassFixture<PinSite>;

    public sealed class OnPostgreSql(PinSite.OnPostgreSql app) : SearchResultsPinTests(app), IClassFixture<PinSite.OnPostgreSql>;

    public sealed record Bulletin(int Number, string Title, string Body, DateTime PublishedAt);

    /// <summary>The ranking rules of docs/search.md over the plain texts: a bulletin's first step, then newest, then the later saved.</summary>
    public static class Oracle
    {
        public static List<Bulletin> Rank(IEnumerable<Bulletin> bulletins, string query)
        {
            var q = VietnameseText.Normalize(query).Trim();
            var typed = VietnameseText.Syllables(q).Select(s => (Folded: s.Folded, Marked: VietnameseText.Marked(q.Substring(s.Start, s.Length)))).ToList();
            var folded = typed.Select(t => t.Folded).ToList();
            var marked = typed.Select(t => t.Marked).ToList();
            var hasMarks = !folded.SequenceEqual(marked);
            var steps = new List<(int Closeness, bool Marks, bool Title)>();
            foreach (var closeness in folded.Count == 1 ? [0] : new[] { 0, 1, 2 })
            {
                foreach (var marks in hasMarks ? new[] { true, false } : [false])
                {
                    steps.Add((closeness, marks, true));
                    steps.Add((closeness, marks, false));
                }
            }

            return bulletins
                .Select(b => (b, Step: steps.FindIndex(s => Meets(b, s, s.Marks ? marked : folded))))
                .Where(x => x.Step >= 0)
                .OrderBy(x => x.Step).ThenByDescending(x => x.b.PublishedAt).ThenByDescending(x => x.b.Number)
                .Select(x => x.b)
                .ToList();
        }

        private static bool Meets(Bulletin b, (int Closeness, bool Marks, bool Title) step, List<string> sequence)
        {
            var title = Tokens(b.Title, step.Marks);
            var body = Tokens(PinSite.Lead + " " + b.Body, step.Marks);
            var words = sequence.Distinct().ToList();
            return step.Closeness switch
            {
                0 => HasRun(title, sequence) || (!step.Title && HasRun(body, sequence)),
                1 => HasWindow(title, words) || (!step.Title && HasWindow(body, words)),
                _ => step.Title ? words.All(title.Contains) : words.All(w => title.Contains(w) || body.Contains(w)),
            };
        }

        private static List<string> Tokens(string text, bool marked) =>
            VietnameseText.Syllables(text).Select(s => marked ? VietnameseText.Marked(text.Substring(s.Start, s.Length)) : s.Folded).ToList();

        private static bool HasRun(List<string> tokens, List<string> sequence) =>
            Enumerable.Range(0, Math.Max(0, tokens.Count - sequence.Count + 1)).Any(i => tokens.Skip(i).Take(sequence.Count).SequenceEqual(sequence));

        // Together: every word inside a run of at most (distinct words + 1) syllables.
        private static bool HasWindow(List<string> tokens, List<string> words) =>
            Enumerable.Range(0, tokens.Count).Any(i => words.All(tokens.Skip(i).Take(words.Count + 1).Contains));
    }

    /// <summary>Eighty bulletins of a few sentences each, saved in one order and published in another.</summary>
    public class PinSite : ReaderlessSite
    {
        public PinSite()
        {
        }

        protected PinSite(DatabaseProvider provider)
            : base(provider)
        {
        }

        public sealed class OnPostgreSql() : PinSite(DatabaseProvider.PostgreSql);
    }

    public class ReaderlessSite : NewsAppFactory, IAsyncLifetime
    {
        public const string Lead = "Tóm tắt.";

        private static readonly string[] Titles =
        [
            "Phường Chợ Lớn ra quân", "Nuôi chó lớn", "Đèn đỏ ở ngã tư", "Tô Đại Phong thăm tổ dân phố", "Kênh Tàu Hũ sạch hơn",
            "Tin tổng hợp", "An toàn thực phẩm", "Đồng chí Bí thư thăm hỏi", "Họp tổ dân phố", "Chợ sáng phường lớn",
        ];

        private static readonly string[] Sentences =
        [
            "Người dân phường Chợ Lớn hưởng ứng.", "Tại chợ Lớn, tiểu thương treo cờ.", "Cho vay vốn lớn.", "Xe vượt đèn đỏ bị phạt.",
            "Đỏ mặt vì đèn hỏng.", "Ông Tô Đại Phong phát biểu.", "Tổ dân phố đãi tiệc tại phòng văn hóa.", "Nạo vét kênh Tàu Hũ.",
            "Tàu chở hàng qua kênh, rác hũ nhựa được vớt.", "Kiểm tra an toàn thực phẩm.", "Thực phẩm an toàn cho trẻ em.",
            "Đồng chí Bí thư đến thăm.", "Xe chở rác làm việc ban đêm.", "Mỗi chiếc xe chở đầy rác về trạm.",
        ];

        public ReaderlessSite()
        {
        }

        protected ReaderlessSite(DatabaseProvider provider)
            : base(provider)
        {
        }

        public List<Bulletin> Bulletins { get; } = [];

        public async Task InitializeAsync()
        {
            var first = new DateTime(2026, 3, 2, 7, 0, 0);
            await WithDbAsync(async db =>
            {
                for (var i = 0; i < 80; i++)
                {
                    // Saved in the order i; published in the order 37·i mod 80, two at each hour: ids and times disagree.
                    var title = $"{Titles[i % Titles.Length]} số {i + 1}";
                    var body = Sentences[i * 5 % Sentences.Length] + " " + Sentences[(i * 3 + 1) % Sentences.Length];
                    var at = first.AddHours(i * 37 % 80 / 2);
                    var article = await TestArticles.AddAsync(db, title, at, TestArticles.WardNews, lead: Lead, paragraphs: [body]);
                    Bulletins.Add(new Bulletin(article.Id, title, body, at));
                }

                // Hidden bulletins with every query's words: never shown, never counted.
                var all = string.Join(' ', Sentences);
                await TestArticles.AddAsync(db, "Bản nháp ẩn Chợ Lớn kênh phòng", first.AddDays(1), TestArticles.WardNews, lead: Lead, paragraphs: [all], status: ArticleStatus.Draft);
                await TestArticles.AddAsync(db, "Bản hẹn giờ ẩn Chợ Lớn kênh phòng", new DateTime(2026, 12, 24, 8, 0, 0), TestArticles.WardNews, lead: Lead, paragraphs: [all]);
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
