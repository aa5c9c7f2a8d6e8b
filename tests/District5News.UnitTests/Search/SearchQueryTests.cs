using District5News.Web.Features.Search;

namespace District5News.UnitTests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void TryParse_Words_AreFoldedAndDeduplicated()
    {
        Assert.True(SearchQuery.TryParse("  Tuyên GIÁO tuyen ", out var query, out _));
        Assert.Equal(["tuyen", "giao"], query!.Words);
        Assert.Equal(["tuyen", "giao", "tuyen"], query.Sequence);
    }

    [Fact]
    public void TryParse_WithToneMarks_KeepsTheMarkedSyllablesInOrder()
    {
        Assert.True(SearchQuery.TryParse("TÔ  Đại phong", out var query, out _));

        Assert.True(query!.HasMarks);
        Assert.Equal(["to", "dai", "phong"], query.Sequence);
        Assert.Equal(["tô", "đại", "phong"], query.MarkedSequence);
    }

    [Fact]
    public void TryParse_WithoutMarks_HasNoMarkedForm()
    {
        Assert.True(SearchQuery.TryParse("To Dai Phong", out var query, out _));

        Assert.False(query!.HasMarks);
        Assert.Equal(query.Sequence, query.MarkedSequence);
    }

    [Theory]
    [InlineData("Chợ Lớn", "CHỢ LỚN", true)]
    [InlineData("Chợ Lớn", "Ch\u01a1\u0323 L\u01a1\u0301n", true)] // decomposed
    [InlineData("Chợ Lớn", "cho lon", false)]
    [InlineData("Chợ Lớn", "chó lớn", false)]
    [InlineData("hòa bình", "hoà bình", true)] // the two places of a tone mark
    public void CacheKey_SameOnlyForTheSameRanking(string first, string second, bool same)
    {
        Assert.True(SearchQuery.TryParse(first, out var a, out _));
        Assert.True(SearchQuery.TryParse(System.Text.RegularExpressions.Regex.Unescape(second), out var b, out _));

        Assert.Equal(same, a!.CacheKey == b!.CacheKey);
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
    private static SearchQuery Query(string text)
    {
        Assert.True(SearchQuery.TryParse(text, out var query, out _));
        return query!;
    }

    private static string Title(string query, string title) => Highlighter.ForResult(Query(query), title, string.Empty, string.Empty).Title.ToString()!;

    [Fact]
    public void Highlight_MatchingSyllables_AreMarkedWhateverTheirMarks() =>
        Assert.Equal("<mark>Đồng chí</mark> Bí thư &amp; &lt;nhân dân&gt;", Title("dong chi", "Đồng chí Bí thư & <nhân dân>"));

    [Fact]
    public void Highlight_PartOfAWord_IsNotMarked() =>
        Assert.Equal("tuyên giáo", Title("tuy", "tuyên giáo"));

    [Fact]
    public void Highlight_Phrase_IsOneMark_AndStraySyllablesAreNot() =>
        Assert.Equal("Cho bà con <mark>Chợ Lớn</mark> lớn tuổi", Title("chợ lớn", "Cho bà con Chợ Lớn lớn tuổi"));

    [Fact]
    public void Highlight_QueryWithMarks_MarksTheSameMarksOnly() =>
        Assert.Equal("Tổ đại phòng và <mark>Tô Đại Phong</mark>", Title("Tô Đại Phong", "Tổ đại phòng và Tô Đại Phong"));

    [Fact]
    public void Highlight_QueryWithoutMarks_MarksEveryFoldedPhrase() =>
        Assert.Equal("<mark>Tổ đại phòng</mark> và <mark>Tô Đại Phong</mark>", Title("to dai phong", "Tổ đại phòng và Tô Đại Phong"));

    [Fact]
    public void Highlight_WordsTogetherInAnotherOrder_MarksTheRun() =>
        Assert.Equal("Ông <mark>Phong Tô Đại</mark> phát biểu", Title("Tô Đại Phong", "Ông Phong Tô Đại phát biểu"));

    [Fact]
    public void Highlight_WordsApart_MarksEachWord() =>
        Assert.Equal("<mark>Chợ</mark> mới ở phường <mark>Lớn</mark>", Title("chợ lớn", "Chợ mới ở phường Lớn"));

    [Fact]
    public void Highlight_WordsApartOnlyFolded_OfAMarkedQuery_MarksOnlyTheSameMarks() =>
        Assert.Equal("Cho vay vốn <mark>lớn</mark>", Title("Chợ Lớn", "Cho vay vốn lớn"));

    [Fact]
    public void Excerpt_IsTakenAroundTheBestMatch_NotTheFirstWord()
    {
        var text = "Tổ dân phố tổ chức họp. " + string.Concat(Enumerable.Repeat("Người dân phường đến dự. ", 20))
            + "Ông Tô Đại Phong phát biểu. " + string.Concat(Enumerable.Repeat("Người dân phường đến dự. ", 20));

        var excerpt = Highlighter.ForResult(Query("Tô Đại Phong"), "Họp tổ dân phố", "Tổ dân phố tổ chức họp.", text).Excerpt.ToString()!;

        Assert.Contains("<mark>Tô Đại Phong</mark>", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("… ", excerpt, StringComparison.Ordinal);
        Assert.EndsWith(" …", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>Tổ</mark>", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Excerpt_MatchOnlyInTheTitle_ShowsTheLeadUnmarked()
    {
        var (title, excerpt) = Highlighter.ForResult(Query("Chợ Lớn"), "Phường Chợ Lớn ra quân", "Cho bà con lớn tuổi.", "Cho bà con lớn tuổi. Nội dung.");

        Assert.Equal("Phường <mark>Chợ Lớn</mark> ra quân", title.ToString());
        Assert.Equal("Cho bà con lớn tuổi.", excerpt.ToString());
    }
}
