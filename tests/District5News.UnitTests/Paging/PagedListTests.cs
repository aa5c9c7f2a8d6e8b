using District5News.Web.Features.Paging;

namespace District5News.UnitTests.Paging;

public sealed class PagedListTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(25, 3)]
    public void PageCount_RoundsUp(int total, int expected) =>
        Assert.Equal(expected, new PagedList<int>([], 1, 10, total).PageCount);

    [Fact]
    public void MiddlePage_HasPreviousAndNext()
    {
        var list = new PagedList<int>([11, 12], 2, 10, 25);

        Assert.True(list.HasPreviousPage);
        Assert.True(list.HasNextPage);
        Assert.False(list.IsFirstPage);
        Assert.False(list.IsLastPage);
    }

    [Theory]
    [InlineData(null, true, 1)]
    [InlineData(1, true, 1)]
    [InlineData(7, true, 7)]
    [InlineData(0, false, 0)]
    [InlineData(-3, false, -3)]
    [InlineData(100_001, false, 100_001)]
    public void TryValidate_AcceptsOnlyPositiveReasonablePages(int? page, bool valid, int number)
    {
        Assert.Equal(valid, PageRequest.TryValidate(page, out var pageNumber));
        Assert.Equal(number, pageNumber);
    }
}
