using District5News.Web.Features.Vietnamese;

namespace District5News.Web.Features.Search;

/// <summary>A stretch of a text that matches the query: from the first character of its first syllable to the end of its last.</summary>
public readonly record struct MatchRun(int Start, int End);

/// <summary>How a bulletin (or one of its texts) matches: how close together, and whether with the marks typed.</summary>
public readonly record struct MatchGrade(Proximity Proximity, bool SameMarks);

/// <summary>
/// Where the query matches inside one text, by the rules the databases rank with (<see cref="SearchRanking"/>), so
/// the snippet and the highlight show the match that ranked the bulletin: the phrase as one run, never the stray
/// syllables around it.
/// </summary>
public sealed class SearchMatches
{
    private readonly SearchQuery _query;
    private readonly string _text;
    private readonly IReadOnlyList<Syllable> _syllables;
    private readonly string?[] _marked;
    private readonly HashSet<string> _words;

    public SearchMatches(SearchQuery query, string text)
    {
        _query = query;
        _text = text;
        _syllables = VietnameseText.Syllables(text);
        _marked = new string?[_syllables.Count];
        _words = query.Words.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The grades worth looking for, best first (as <see cref="SearchRanking.Tiers"/> orders them, fields aside).</summary>
    public static IEnumerable<MatchGrade> Grades(SearchQuery query) =>
        SearchRanking.Tiers(query).Select(t => new MatchGrade(t.Proximity, t.SameMarks)).Distinct();

    /// <summary>The query's syllables (of that grade's form) that occur in this text.</summary>
    public IEnumerable<string> WordsPresent(bool sameMarks) =>
        Enumerable.Range(0, _syllables.Count).Where(i => _words.Contains(_syllables[i].Folded)).Select(i => Form(i, sameMarks)).Distinct(StringComparer.Ordinal);

    /// <summary>The runs of this text that match at <paramref name="grade"/>, in text order, not overlapping.</summary>
    public IReadOnlyList<MatchRun> Runs(MatchGrade grade) => grade.Proximity switch
    {
        Proximity.Phrase => PhraseRuns(grade.SameMarks),
        Proximity.Together => TogetherRuns(grade.SameMarks),
        _ => SyllableRuns(grade.SameMarks),
    };

    private List<MatchRun> PhraseRuns(bool sameMarks)
    {
        var phrase = _query.Sequence;
        var runs = new List<MatchRun>();
        for (var i = 0; i + phrase.Count <= _syllables.Count; i++)
        {
            var k = 0;
            while (k < phrase.Count && Matches(i + k, k, sameMarks))
            {
                k++;
            }

            if (k == phrase.Count)
            {
                runs.Add(new MatchRun(_syllables[i].Start, _syllables[i + k - 1].End));
                i += k - 1;
            }
        }

        return runs;
    }

    private List<MatchRun> TogetherRuns(bool sameMarks)
    {
        var words = sameMarks ? _query.MarkedWords : _query.Words;
        var span = SearchRanking.TogetherSpan(words.Count);
        var runs = new List<MatchRun>();
        for (var i = 0; i < _syllables.Count; i++)
        {
            if (!_words.Contains(_syllables[i].Folded))
            {
                continue;
            }

            var missing = words.ToHashSet(StringComparer.Ordinal);
            var j = i;
            for (; j < _syllables.Count && j - i < span && missing.Count > 0; j++)
            {
                if (_words.Contains(_syllables[j].Folded))
                {
                    missing.Remove(Form(j, sameMarks));
                }
            }

            // A run starts and ends on a syllable of the query; the shortest such run from i is [i, j).
            if (missing.Count == 0 && words.Contains(Form(i, sameMarks), StringComparer.Ordinal))
            {
                runs.Add(new MatchRun(_syllables[i].Start, _syllables[j - 1].End));
                i = j - 1;
            }
        }

        return runs;
    }

    private List<MatchRun> SyllableRuns(bool sameMarks)
    {
        var words = sameMarks ? _query.MarkedWords : _query.Words;
        return [.. Enumerable.Range(0, _syllables.Count)
            .Where(i => _words.Contains(_syllables[i].Folded) && words.Contains(Form(i, sameMarks), StringComparer.Ordinal))
            .Select(i => new MatchRun(_syllables[i].Start, _syllables[i].End))];
    }

    /// <summary>Whether the text's syllable <paramref name="index"/> is the query's syllable <paramref name="position"/>.</summary>
    private bool Matches(int index, int position, bool sameMarks) =>
        string.Equals(_syllables[index].Folded, _query.Sequence[position], StringComparison.Ordinal)
        && (!sameMarks || string.Equals(Form(index, true), _query.MarkedSequence[position], StringComparison.Ordinal));

    /// <summary>The syllable's folded form, or its marked form (worked out once, only for syllables that fold to a query word).</summary>
    private string Form(int index, bool sameMarks) => sameMarks
        ? _marked[index] ??= VietnameseText.Marked(_text.Substring(_syllables[index].Start, _syllables[index].Length))
        : _syllables[index].Folded;
}
