using District5News.Web.Features.Search;

namespace District5News.UnitTests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void TryParse_Words_AreFoldedAndDeduplicated()
    {
        Assert.True(SearchQuery.TryParse("  Tuyên GIÁO tuyen ", out var query, out _));
        Assert.Equal(["tuyen", "giao"], query!.Words);
        Assert.Equal("\"tuyen\" AND \"giao\"", query.ToFtsMatch());
        Assert.Equal("SearchTitle : (\"tuyen\" AND \"giao\")", query.ToFtsMatch("SearchTitle"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("<>\"';")]
    public void TryParse_NoWords_FailsWithMessage(string? raw)
    {
        Assert.False(SearchQuery.TryParse(raw, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_TooLong_Fails()
    {
        Assert.False(SearchQuery.TryParse(new string('a', 201), out _, out var error));
        Assert.Contains("quá dài", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_FtsSyntax_BecomesPlainWords()
    {
        Assert.True(SearchQuery.TryParse("tuyen NEAR(giao*) \"x\" OR -y", out var query, out _));
        Assert.Equal(["tuyen", "near", "giao", "x", "or", "y"], query!.Words);
    }
}

public sealed class HighlighterTests
{
    [Fact]
    public void Highlight_MatchingSyllables_AreMarkedWhateverTheirMarks()
    {
        var html = Highlighter.Highlight("Đồng chí Bí thư & <nhân dân>", ["dong", "chi"]).ToString();

        Assert.Equal("<mark>Đồng</mark> <mark>chí</mark> Bí thư &amp; &lt;nhân dân&gt;", html);
    }

    [Fact]
    public void Highlight_PartOfAWord_IsNotMarked() =>
        Assert.Equal("tuyên giáo", Highlighter.Highlight("tuyên giáo", ["tuy"]).ToString());

    [Fact]
    public void Excerpt_LongText_CentresOnTheFirstMatch()
    {
        var text = string.Concat(Enumerable.Repeat("Người dân phường đến dự. ", 30)) + "Ban Tuyên giáo phát biểu.";

        var excerpt = Highlighter.Excerpt(text, ["tuyen"], 120);

        Assert.Contains("Tuyên", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("… ", excerpt, StringComparison.Ordinal);
    }
}
