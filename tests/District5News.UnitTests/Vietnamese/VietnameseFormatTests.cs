using District5News.Web.Features.Vietnamese;

namespace District5News.UnitTests.Vietnamese;

[Collection(ServerTimeZoneCollection.Name)]
public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(2020, 11, 23, 1, 15, 0, "23 Tháng Mười Một 2020 8:15:00 SA")]
    [InlineData(2020, 11, 23, 13, 30, 5, "23 Tháng Mười Một 2020 8:30:05 CH")]
    [InlineData(2020, 12, 31, 17, 0, 0, "1 Tháng Một 2021 12:00:00 SA")] // midnight in Vietnam, next day and year
    [InlineData(2021, 6, 1, 5, 0, 0, "1 Tháng Sáu 2021 12:00:00 CH")] // noon
    [InlineData(2021, 4, 9, 16, 59, 59, "9 Tháng Tư 2021 11:59:59 CH")]
    public void LongDateTime_Utc_WritesVietnamTimeWithMonthInWords(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(expected, VietnameseFormat.LongDateTime(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc)));

    /// <summary>
    /// 23 Nov 2020 01:15 UTC is 8:15 SA on the 23rd in Vietnam, but 20:15 on the 22nd in New York and 15:15 on the 23rd
    /// in Kiritimati: any use of the server's zone shows in the text.
    /// </summary>
    [Theory]
    [InlineData("America/New_York", -5)]
    [InlineData("Pacific/Kiritimati", 14)]
    public void LongDateTime_DoesNotDependOnTheServersZone(string serverZone, int serverOffsetHours)
    {
        var utc = new DateTime(2020, 11, 23, 1, 15, 0, DateTimeKind.Utc);

        using (ServerTimeZone.Use(serverZone))
        {
            Assert.Equal(TimeSpan.FromHours(serverOffsetHours), TimeZoneInfo.Local.GetUtcOffset(utc));
            var serverLocal = utc.ToLocalTime();
            Assert.Equal(DateTimeKind.Local, serverLocal.Kind);

            Assert.Equal("23 Tháng Mười Một 2020 8:15:00 SA", VietnameseFormat.LongDateTime(utc));
            Assert.Equal("23 Tháng Mười Một 2020 8:15:00 SA", VietnameseFormat.LongDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)));
            Assert.Equal("23 Tháng Mười Một 2020 8:15:00 SA", VietnameseFormat.LongDateTime(serverLocal));
            Assert.Equal("23/11/2020", VietnameseFormat.ShortDate(serverLocal));
            Assert.Equal(new DateOnly(2020, 11, 23), VietnamTime.DateOf(serverLocal));
        }
    }

    [Fact]
    public void MonthNames_AreTheTwelveInWords()
    {
        Assert.Equal(
            ["Tháng Một", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu", "Tháng Bảy", "Tháng Tám", "Tháng Chín", "Tháng Mười", "Tháng Mười Một", "Tháng Mười Hai"],
            VietnameseFormat.Months);
    }

    [Theory]
    [InlineData("Tháng Mười", 10)]
    [InlineData("tháng mười một", 11)]
    [InlineData("THÁNG MƯỜI HAI", 12)]
    [InlineData("Tháng Tư", 4)]
    [InlineData("Tháng Mươi Ba", null)]
    public void ParseMonthName_KnowsTheMonthsInWords(string text, int? expected) =>
        Assert.Equal(expected, VietnameseFormat.ParseMonthName(text));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(431, "431")]
    [InlineData(28897020, "28.897.020")]
    [InlineData(1000, "1.000")]
    public void Number_GroupsWithDots(long value, string expected) => Assert.Equal(expected, VietnameseFormat.Number(value));

    [Fact]
    public void DayRangeUtc_IsTheVietnamDay()
    {
        var (start, end) = VietnamTime.DayRangeUtc(new DateOnly(2026, 11, 10));

        Assert.Equal(new DateTime(2026, 11, 9, 17, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 10, 17, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(new DateOnly(2026, 11, 10), VietnamTime.DateOf(new DateTime(2026, 11, 10, 13, 30, 0, DateTimeKind.Utc)));
    }
}
