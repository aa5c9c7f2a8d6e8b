using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace District5News.Web.Features.Articles;

/// <summary>
/// "TIN LIÊN QUAN": up to five bulletins that share words with this one's title, those of the same category first.
/// Titles are compared in their folded search form (so "Chợ Lớn" and "cho lon" are one word pair). Two syllables side by
/// side (a Vietnamese word is often two: "xuất huyết", "văn nghệ") weigh three, a single shared syllable one, and the
/// syllables every bulletin title uses ("phường", "tổ chức", "của") nothing; a bulletin needs 3 to be related: one
/// shared word pair, or three shared syllables (two stray syllables, "chuẩn" and "hàng", say little). Bulletins
/// already listed under the article (TIN MỚI HƠN, TIN ĐÃ ĐƯA) are not repeated. Nothing unrelated fills the list:
/// when no bulletin shares enough words, the section is left out.
/// </summary>
public static class RelatedArticles
{
    public const int MaxCount = 5;

    /// <summary>How many candidates sharing a syllable are scored (newest first).</summary>
    private const int CandidateLimit = 300;

    /// <summary>Title words a candidate query looks for: a title has fewer distinctive syllables than this.</summary>
    private const int PatternSlots = 16;

    /// <summary>Bulletins a candidate query leaves out: the article and what is listed under it.</summary>
    private const int ExcludedSlots = ArticleQueries.NewerCount + ArticleQueries.OlderCount + 1;

    private const int PairWeight = 3;

    private const int Threshold = 3;

    /// <summary>Folded syllables too common in bulletin titles to say two bulletins are about the same thing.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "ban", "tin", "quan", "phuong", "so", "to", "chuc", "cua", "va", "cac", "nhung", "cho", "tai", "ve", "voi",
        "trong", "la", "co", "khong", "duoc", "mot", "de", "nam", "ngay", "thang", "nguoi", "dan", "tren", "dia",
        "theo", "nay", "da", "se", "dang", "len", "ra", "vao", "tu", "den", "nhan", "dip", "thuc", "hien", "cong",
        "tac", "nhiem", "vu", "ke", "hoach", "trien", "khai", "thanh", "pho", "ho", "chi", "minh", "tp", "hcm",
    };

    /// <param name="visible">What residents can see (<see cref="ArticleQueries.Visible"/>).</param>
    /// <param name="articles">
    /// Every bulletin, unfiltered: the chosen ones (found in <paramref name="visible"/> a moment before) are read by their
    /// primary key. With the visibility filter on that read, SQLite's planner without statistics took the visibility
    /// index's range over every visible bulletin instead of five key lookups (24 ms instead of microseconds at 100,000).
    /// </param>
    public static async Task<IReadOnlyList<ArticleListItem>> FindAsync(
        IQueryable<Data.Entities.Article> visible, IQueryable<Data.Entities.Article> articles, IQueryable<Data.Entities.Media> media,
        int articleId, int categoryId, string searchTitle,
        IReadOnlyCollection<int> alreadyListed, CancellationToken cancellationToken)
    {
        var words = searchTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pairs = Pairs(words);
        var distinctive = words.Where(w => !Common.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (distinctive.Count == 0)
        {
            return [];
        }

        var candidates = await Candidates(visible, [.. alreadyListed.Append(articleId)], distinctive).ToListAsync(cancellationToken);
        var chosen = candidates
            .Select((c, order) => (c.Id, SameCategory: c.CategoryId == categoryId, Order: order, Score: Score(pairs, distinctive, c.SearchTitle)))
            .Where(c => c.Score >= Threshold)
            .OrderByDescending(c => c.SameCategory).ThenByDescending(c => c.Score).ThenBy(c => c.Order)
            .Take(MaxCount)
            .Select(c => c.Id)
            .ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var items = await ArticleQueries.ToListItems(articles.Where(a => chosen.Contains(a.Id)), media).ToListAsync(cancellationToken);
        return [.. chosen.Select(id => items.First(i => i.Id == id))];
    }

    /// <summary>
    /// The newest visible bulletins whose title holds one of <paramref name="distinctive"/>: only the columns of the
    /// IX_Articles_Related index are read, so the database answers from the index alone.
    /// </summary>
    /// <remarks>
    /// The query has one shape whatever the title: always <see cref="PatternSlots"/> title patterns (unused ones are the
    /// empty pattern, which no padded title matches) and <see cref="ExcludedSlots"/> excluded ids (unused ones 0, no
    /// bulletin's id). With a shape per word count and per number of listed bulletins, cold article pages kept EF
    /// translating and the JIT compiling new queries long after start-up (9% of a cold article's CPU at 100,000).
    /// </remarks>
    internal static IQueryable<Candidate> Candidates(
        IQueryable<Data.Entities.Article> visible, IReadOnlyCollection<int> excluded, IReadOnlyCollection<string> distinctive)
    {
        var excludedIds = excluded.Take(ExcludedSlots).Concat(Enumerable.Repeat(0, Math.Max(0, ExcludedSlots - excluded.Count))).ToArray();
        return visible
            .Where(a => !excludedIds.Contains(a.Id))
            .Where(TitleHoldsAny(distinctive.Take(PatternSlots).Concat(Enumerable.Repeat(string.Empty, Math.Max(0, PatternSlots - distinctive.Count)))))
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new Candidate(a.Id, a.CategoryId, a.SearchTitle))
            .Take(CandidateLimit);
    }

    /// <summary>
    /// <c>' ' || SearchTitle || ' ' LIKE '% w1 %' OR ... LIKE '% wn %'</c>, each pattern a parameter. Written out as ORs
    /// rather than <c>patterns.Any(...)</c>: SQLite does not count a column read inside a correlated subquery as covered
    /// by an index, so the subquery form went back to the table row for every candidate.
    /// </summary>
    private static Expression<Func<Data.Entities.Article, bool>> TitleHoldsAny(IEnumerable<string> words)
    {
        Expression? body = null;
        foreach (var word in words)
        {
            var pattern = new PatternHolder(word.Length == 0 ? string.Empty : "% " + word + " %");
            var like = new ReplaceParameter(TitleLike.Parameters[1], Expression.Property(Expression.Constant(pattern), nameof(PatternHolder.Value)))
                .Visit(TitleLike.Body);
            body = body is null ? like : Expression.OrElse(body, like);
        }

        return Expression.Lambda<Func<Data.Entities.Article, bool>>(body ?? Expression.Constant(false), TitleLike.Parameters[0]);
    }

    private static readonly Expression<Func<Data.Entities.Article, string, bool>> TitleLike =
        (a, pattern) => EF.Functions.Like(" " + a.SearchTitle + " ", pattern);

    private sealed class PatternHolder(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    internal sealed record Candidate(int Id, int CategoryId, string SearchTitle);

    /// <summary>Three for each shared pair of neighbouring syllables, one for each shared syllable, common ones left out.</summary>
    internal static int Score(IReadOnlySet<string> pairs, IReadOnlyCollection<string> distinctive, string otherTitle)
    {
        var other = otherTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var otherWords = other.ToHashSet(StringComparer.Ordinal);
        return (PairWeight * Pairs(other).Count(pairs.Contains)) + distinctive.Count(otherWords.Contains);
    }

    /// <summary>Neighbouring syllables, unless both are common ("to chuc", "ban tin").</summary>
    private static HashSet<string> Pairs(string[] words)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (!(Common.Contains(words[i]) && Common.Contains(words[i + 1])))
            {
                pairs.Add(words[i] + " " + words[i + 1]);
            }
        }

        return pairs;
    }
}
