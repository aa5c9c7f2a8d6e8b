namespace District5News.Web.Features.Search;

/// <summary>How close together a bulletin holds the query's syllables (better first).</summary>
public enum Proximity
{
    /// <summary>In the order typed, one after the other.</summary>
    Phrase,

    /// <summary>Every syllable within a run of at most n + 1 syllables (n: the distinct syllables), any order.</summary>
    Together,

    /// <summary>Every syllable somewhere in the bulletin.</summary>
    Apart,
}

/// <summary>One step of the ranking: the bulletins that match this way and no better way come before the next step's.</summary>
public sealed record SearchTier(Proximity Proximity, bool SameMarks, bool InTitle);

/// <summary>
/// The ranking rules (docs/search.md), written once for every database: closeness first (phrase, together, apart),
/// then the same tone marks as typed before folded ones (only when the query carries marks), then the title before
/// the body; within a step, newest first. Each provider turns the steps into its own match expressions.
/// </summary>
public static class SearchRanking
{
    /// <summary>At most this many other syllables inside the run of a <see cref="Proximity.Together"/> match.</summary>
    public const int TogetherSlack = 1;

    public static IReadOnlyList<SearchTier> Tiers(SearchQuery query, bool withTogether = true)
    {
        // One syllable: phrase, together and apart are the same thing. Otherwise each closeness is a step of its own.
        var proximities = query.Sequence.Count == 1
            ? [Proximity.Phrase]
            : withTogether ? new[] { Proximity.Phrase, Proximity.Together, Proximity.Apart } : [Proximity.Phrase, Proximity.Apart];
        var marks = query.HasMarks ? new[] { true, false } : [false];
        return [.. from p in proximities from m in marks from t in new[] { true, false } select new SearchTier(p, m, t)];
    }

    /// <summary>The largest distance (first to last syllable, both counted) a <see cref="Proximity.Together"/> run may span.</summary>
    public static int TogetherSpan(int distinctWords) => distinctWords + TogetherSlack;
}
