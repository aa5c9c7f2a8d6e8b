using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

public sealed class PublishTimeFieldTests
{
    [Theory]
    [InlineData(0, 30, "12:30 đêm 23/11/2020")]
    [InlineData(8, 15, "8:15 sáng 23/11/2020")]
    [InlineData(11, 0, "11:00 trưa 23/11/2020")]
    [InlineData(12, 5, "12:05 trưa 23/11/2020")]
    [InlineData(13, 45, "1:45 chiều 23/11/2020")]
    [InlineData(18, 0, "6:00 tối 23/11/2020")]
    [InlineData(23, 59, "11:59 tối 23/11/2020")]
    public void Spoken_UsesATwelveHourClockWithThePartOfTheDay(int hour, int minute, string expected) =>
        Assert.Equal(expected, PublishTimeField.Spoken(new DateTime(2020, 11, 23, hour, minute, 0)));

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("", "  ", null, true)]
    [InlineData("23/11/2020", "08:15", null, false)]
    [InlineData("3/1/2021", "8:05", null, false)]
    [InlineData("23/11/2020", null, PublishTimeField.MissingTimeMessage, true)]
    [InlineData(null, "08:15", PublishTimeField.MissingDateMessage, true)]
    [InlineData("23-11-2020", "08:15", PublishTimeField.InvalidMessage, true)]
    [InlineData("23/11/2020", "8h15", PublishTimeField.InvalidMessage, true)]
    [InlineData("23/11/1900", "08:15", PublishTimeField.InvalidMessage, true)]
    public void Parse_BothEmptyIsNoTime_HalfTypedOrUnreadableIsAnError(string? date, string? time, string? error, bool noTime)
    {
        var result = PublishTimeField.Parse(new ArticleEditInput { PublishDate = date, PublishTime = time });

        Assert.Equal(error, result.Error);
        Assert.Equal(noTime, result.Local is null);
    }

    [Fact]
    public void Parse_OldSingleValueWinsWhenSent()
    {
        var result = PublishTimeField.Parse(new ArticleEditInput { PublishAt = "2020-11-23T08:15", PublishDate = "01/01/2021", PublishTime = "09:00" });

        Assert.Equal(new DateTime(2020, 11, 23, 8, 15, 0), result.Local);
    }
}
