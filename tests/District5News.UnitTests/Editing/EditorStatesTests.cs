using District5News.Web.Data.Entities;
using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

public sealed class EditorStatesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ArticleStatus.Draft, 10, EditorState.Draft)]
    [InlineData(ArticleStatus.Published, -1, EditorState.Published)]
    [InlineData(ArticleStatus.Published, 0, EditorState.Published)]
    [InlineData(ArticleStatus.Published, 1, EditorState.Scheduled)]
    [InlineData(ArticleStatus.Unpublished, 10, EditorState.Unpublished)]
    public void Of_StoredStatusAndTime_GivesTheEditorState(ArticleStatus status, int minutesFromNow, EditorState expected) =>
        Assert.Equal(expected, EditorStates.Of(status, Now.AddMinutes(minutesFromNow), Now));

    [Theory]
    [InlineData("draft", EditorState.Draft)]
    [InlineData("scheduled", EditorState.Scheduled)]
    [InlineData("published", EditorState.Published)]
    [InlineData("unpublished", EditorState.Unpublished)]
    public void Parse_FilterKey_RoundTrips(string key, EditorState state)
    {
        Assert.Equal(state, EditorStates.Parse(key));
        Assert.Equal(key, EditorStates.Key(state));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Scheduled")]
    [InlineData("deleted")]
    public void Parse_UnknownKey_IsNull(string? key) => Assert.Null(EditorStates.Parse(key));

    [Fact]
    public void List_FilterUrl_KeepsEveryFilterAndThePage() =>
        Assert.Equal("/admin/bai-viet?status=scheduled&category=2&author=abc&q=tuy%C3%AAn%20gi%C3%A1o&page=3",
            EditorUrls.List(new ArticleListFilter { Status = "scheduled", Category = 2, Author = "abc", Q = "tuyên giáo" }, 3));
}
