using System.Text;
using District5News.Web.Features.Import;

namespace District5News.UnitTests.Import;

public class OldPortalPageParserTests
{
    private const string Nbsp = "\u00A0";

    private static string SamplePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Import", "Samples", name.Replace('/', Path.DirectorySeparatorChar));

    private static OldPortalParseResult ParseSample(string name) => OldPortalPageParser.Parse(File.ReadAllBytes(SamplePath(name)));

    private static OldPortalPage ParseValidSample(string name)
    {
        var result = ParseSample(name);
        Assert.True(result.Success, $"{name}: {result.Failure}");
        Assert.Null(result.Failure);
        return result.Page;
    }

    /// <summary>A minimal page in the old portal's shape, for the inline cases.</summary>
    private static string Page(string timeLine, string countLine = "Số lượt người xem: 10") =>
        string.Join('\n',
            "SỐ LƯỢT TRUY CẬP", string.Empty, "1", "2", "3",
            timeLine, string.Empty,
            "Phường 7 tổng vệ sinh chợ Kim Biên", string.Empty,
            "Sáng nay, tiểu thương chợ Kim Biên cùng lực lượng đoàn viên tổng vệ sinh các lối đi trong chợ.", string.Empty,
            countLine, string.Empty,
            "TIN MỚI HƠN", "TIN ĐÃ ĐƯA", "Xem tiếp", "Tìm kiếm");

    private static DateTime PublishedAt(string timeLine)
    {
        var result = OldPortalPageParser.Parse(Page(timeLine));
        Assert.True(result.Success, result.Failure?.Reason);
        return result.Page.PublishedAtVietnam;
    }

    private static OldPortalParseFailure Failure(OldPortalParseResult result)
    {
        Assert.False(result.Success);
        Assert.Null(result.Page);
        return Assert.IsType<OldPortalParseFailure>(result.Failure);
    }

    // ---- valid samples

    [Fact]
    public void Parse_StandardSample_ReadsEveryField()
    {
        var page = ParseValidSample("valid-standard.txt");

        Assert.Equal("Bản tin quận", page.CategoryName);
        Assert.Equal(new DateTime(2020, 11, 23, 15, 45, 0), page.PublishedAtVietnam);
        Assert.Equal(DateTimeKind.Unspecified, page.PublishedAtVietnam.Kind);
        Assert.Equal(new DateTime(2020, 11, 23, 8, 45, 0, DateTimeKind.Utc), page.PublishedAtUtc);
        Assert.Equal(DateTimeKind.Utc, page.PublishedAtUtc.Kind);
        Assert.Equal("Quận 5 ra quân chỉnh trang vỉa hè tuyến đường Hải Thượng Lãn Ông", page.Title);
        Assert.Equal(
            "Sáng ngày 22/11/2020, Ủy ban nhân dân Quận 5 phối hợp cùng Ủy ban nhân dân Phường 10 và Phường 11 tổ chức ra quân " +
            "chỉnh trang vỉa hè, lòng đường trên tuyến đường Hải Thượng Lãn Ông, đoạn từ đường Châu Văn Liêm đến đường Trang Tử.",
            page.Lead);
        Assert.Equal(2, page.BodyParagraphs.Count);
        Assert.StartsWith("Lực lượng tham gia gồm hơn 120 cán bộ", page.BodyParagraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("góp phần xây dựng tuyến đường văn minh - sạch đẹp.", page.BodyParagraphs[1], StringComparison.Ordinal);
        Assert.Equal(431, page.ViewCount);
        Assert.Equal(28897020, page.VisitCounter);
    }

    [Fact]
    public void Parse_StandardSample_KeepsTypingMistakesVerbatim()
    {
        var page = ParseValidSample("valid-standard.txt");

        Assert.Contains("đoàn viên thanh nhiên và tổ dân phố", page.BodyParagraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StandardSample_LeavesNoFurnitureOrNbspInText()
    {
        var page = ParseValidSample("valid-standard.txt");
        string[] texts = [page.CategoryName, page.Title, page.Lead, .. page.BodyParagraphs];

        foreach (var text in texts)
        {
            Assert.DoesNotContain(Nbsp, text, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
            Assert.Equal(text.Trim(), text);
            Assert.DoesNotContain("Số lượt người xem", text, StringComparison.Ordinal);
            Assert.DoesNotContain("TIN MỚI HƠN", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_BomAndCrlfSample_ReadsEveryField()
    {
        var bytes = File.ReadAllBytes(SamplePath("valid-bom-crlf.txt"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var page = ParseValidSample("valid-bom-crlf.txt");

        Assert.Equal("Thông báo", page.CategoryName);
        Assert.Equal(new DateTime(2021, 3, 5, 9, 30, 0), page.PublishedAtVietnam);
        Assert.Equal("Thông báo lịch tiếp công dân của lãnh đạo Ủy ban nhân dân Quận 5 trong tháng 3 năm 2021", page.Title);
        Assert.Equal(
            "Ủy ban nhân dân Quận 5 thông báo lịch tiếp công dân định kỳ của Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân quận " +
            "trong tháng 3 năm 2021 như sau:",
            page.Lead);
        Assert.Equal(3, page.BodyParagraphs.Count);
        Assert.Equal(1234, page.ViewCount);
        Assert.Equal(28912007, page.VisitCounter);
        Assert.DoesNotContain(page.BodyParagraphs, p => p.Contains('\r', StringComparison.Ordinal) || p.Contains('\uFEFF', StringComparison.Ordinal));
        Assert.False(page.CategoryName.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Parse_MissingLinesSample_ReadsPageWithNullCounts()
    {
        var page = ParseValidSample("valid-missing-lines.txt");

        Assert.Equal("An ninh - Quốc phòng", page.CategoryName);
        Assert.Equal(new DateTime(2021, 10, 7, 10, 20, 0), page.PublishedAtVietnam);
        Assert.Equal("Phường 14 tổ chức diễn tập phương án chữa cháy tại khu dân cư", page.Title);
        Assert.StartsWith("Chiều ngày 6/10/2021, Ủy ban nhân dân Phường 14", page.Lead, StringComparison.Ordinal);
        Assert.Single(page.BodyParagraphs);
        Assert.EndsWith("trước khi xe chữa cháy chuyên nghiệp đến hỗ trợ.", page.BodyParagraphs[0], StringComparison.Ordinal);
        Assert.Null(page.ViewCount);
        Assert.Null(page.VisitCounter);
    }

    [Fact]
    public void Parse_DecomposedSample_ReturnsNfcText()
    {
        var raw = Encoding.UTF8.GetString(File.ReadAllBytes(SamplePath("valid-decomposed.txt")));
        Assert.False(raw.IsNormalized(NormalizationForm.FormC), "the sample itself must be decomposed");

        var page = ParseValidSample("valid-decomposed.txt");

        Assert.Equal("Giáo dục", page.CategoryName);
        Assert.Equal(new DateTime(2020, 12, 2, 16, 10, 0), page.PublishedAtVietnam);
        Assert.Equal("Quận 5 khai mạc Hội thi Tiếng hát học sinh tiểu học", page.Title);
        Assert.Equal(
            "Chiều ngày 2/12/2020, Phòng Giáo dục và Đào tạo Quận 5 tổ chức khai mạc Hội thi Tiếng hát học sinh tiểu học " +
            "năm học 2020 - 2021 với sự tham gia của hơn 200 học sinh đến từ các trường tiểu học trên địa bàn quận.",
            page.Lead);
        Assert.Single(page.BodyParagraphs);
        Assert.Equal(96, page.ViewCount);
        Assert.Equal(28900515, page.VisitCounter);
        string[] texts = [page.CategoryName, page.Title, page.Lead, .. page.BodyParagraphs];
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void Parse_TwelveSaSample_ReadsJustAfterMidnightAndHyphenatedCategory()
    {
        var page = ParseValidSample("valid-12-sa.txt");

        Assert.Equal("Văn hóa - Xã hội", page.CategoryName);
        Assert.Equal(new DateTime(2021, 1, 1, 0, 5, 0), page.PublishedAtVietnam);
        Assert.Equal(new DateTime(2020, 12, 31, 17, 5, 0, DateTimeKind.Utc), page.PublishedAtUtc);
        Assert.Equal("Người dân Quận 5 vui đón năm mới 2021 an toàn, tiết kiệm", page.Title);
        Assert.StartsWith("Đêm 31/12/2020, nhiều tuyến đường", page.Lead, StringComparison.Ordinal);
        Assert.Equal(2, page.BodyParagraphs.Count);
        Assert.Equal(2057, page.ViewCount);
        Assert.Equal(28903311, page.VisitCounter);
    }

    [Fact]
    public void Parse_FolderWardNewsSample_ReadsLeadingZeroCounter()
    {
        var page = ParseValidSample("folder/ward-news.txt");

        Assert.Equal("Bản tin phường", page.CategoryName);
        Assert.Equal(new DateTime(2021, 4, 15, 14, 0, 0), page.PublishedAtVietnam);
        Assert.Equal("Phường 2 ra mắt mô hình “Tuyến hẻm xanh - sạch - đẹp”", page.Title);
        Assert.StartsWith("Sáng ngày 14/4/2021, Ủy ban nhân dân Phường 2", page.Lead, StringComparison.Ordinal);
        Assert.Single(page.BodyParagraphs);
        Assert.Equal(57, page.ViewCount);
        Assert.Equal(12345, page.VisitCounter);
    }

    [Fact]
    public void Parse_FolderAnnouncementSample_ReadsEveryField()
    {
        var page = ParseValidSample("folder/announcement.txt");

        Assert.Equal("Thông báo", page.CategoryName);
        Assert.Equal(new DateTime(2021, 5, 20, 8, 0, 0), page.PublishedAtVietnam);
        Assert.Equal("Thông báo tạm ngưng tiếp nhận hồ sơ trực tiếp tại Bộ phận Một cửa quận", page.Title);
        Assert.StartsWith("Thực hiện các biện pháp phòng, chống dịch COVID-19", page.Lead, StringComparison.Ordinal);
        Assert.Equal(2, page.BodyParagraphs.Count);
        Assert.Contains("nộp hồ sơ trực tuyên qua Cổng dịch vụ công", page.BodyParagraphs[0], StringComparison.Ordinal);
        Assert.Equal(214, page.ViewCount);
        Assert.Equal(2889702, page.VisitCounter);
    }

    [Fact]
    public void Parse_FolderSamples_AnnouncementHasTheLargestCounter()
    {
        var pages = Directory.GetFiles(SamplePath("folder"), "*.txt")
            .Select(f => Assert.IsType<OldPortalPage>(OldPortalPageParser.Parse(File.ReadAllBytes(f)).Page))
            .ToList();

        Assert.Equal(2, pages.Count);
        Assert.Equal([12345L, 2889702L], pages.Select(p => p.VisitCounter).Order());
        Assert.Equal("Thông báo", pages.MaxBy(p => p.VisitCounter)!.CategoryName);
    }

    [Fact]
    public void Parse_CorrectedAnnouncement_SameIdentityWithFixedTypoAndMoreViews()
    {
        var original = ParseValidSample("folder/announcement.txt");
        var corrected = ParseValidSample("corrected/announcement.txt");

        Assert.Equal(original.CategoryName, corrected.CategoryName);
        Assert.Equal(original.PublishedAtVietnam, corrected.PublishedAtVietnam);
        Assert.Equal(original.Title, corrected.Title);
        Assert.Equal(original.Lead, corrected.Lead);
        Assert.Equal(original.BodyParagraphs.Count, corrected.BodyParagraphs.Count);
        Assert.Equal(original.BodyParagraphs[1], corrected.BodyParagraphs[1]);
        Assert.NotEqual(original.BodyParagraphs[0], corrected.BodyParagraphs[0]);
        Assert.Contains("nộp hồ sơ trực tuyến qua Cổng dịch vụ công", corrected.BodyParagraphs[0], StringComparison.Ordinal);
        Assert.Equal(1502, corrected.ViewCount);
        Assert.True(corrected.ViewCount > original.ViewCount);
        Assert.Equal(2901288, corrected.VisitCounter);
    }

    // ---- broken samples

    [Theory]
    [InlineData("broken-empty.txt", 0, "Tệp rỗng")]
    [InlineData("broken-binary.bin", 0, "Không phải tệp văn bản UTF-8")]
    [InlineData("broken-no-date.txt", 0, "Không tìm thấy dòng chuyên mục và thời gian đăng")]
    [InlineData("broken-impossible-date.txt", 11, "Ngày không tồn tại: 30 Tháng Hai 2021")]
    [InlineData("broken-bad-month.txt", 3, "Tên tháng không hợp lệ: Tháng Mươi Ba")]
    [InlineData("broken-bad-count.txt", 21, "Số lượt người xem không phải là số: 4a1")]
    [InlineData("broken-no-title.txt", 11, "Không tìm thấy tiêu đề")]
    [InlineData("broken-no-body.txt", 13, "Không có nội dung bản tin")]
    public void Parse_BrokenSample_FailsWithLineAndReason(string name, int line, string reason)
    {
        var failure = Failure(ParseSample(name));

        Assert.Equal(line, failure.Line);
        Assert.Equal(reason, failure.Reason);
    }

    // ---- inline cases

    [Fact]
    public void Parse_NbspOnlySeparators_TreatsThemAsBlankLines()
    {
        var text = string.Join('\n',
            "SỐ" + Nbsp + "LƯỢT TRUY" + Nbsp + Nbsp + "CẬP", Nbsp, "4" + Nbsp, Nbsp + "2",
            "Bản" + Nbsp + "tin quận" + Nbsp + "9" + Nbsp + "Tháng" + Nbsp + "Sáu 2021" + Nbsp + Nbsp + "7:15:00" + Nbsp + "SA" + Nbsp,
            Nbsp + Nbsp,
            Nbsp + "Quận 5 tiêm vắc xin cho" + Nbsp + Nbsp + "người cao tuổi" + Nbsp,
            Nbsp + " \t" + Nbsp,
            "Đoạn thứ nhất.",
            Nbsp,
            "Đoạn" + Nbsp + "thứ hai.",
            Nbsp + Nbsp,
            "Số" + Nbsp + "lượt người xem:" + Nbsp + "1.005.002" + Nbsp + Nbsp,
            Nbsp,
            "TIN" + Nbsp + "MỚI HƠN");

        var result = OldPortalPageParser.Parse(text);

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal("Bản tin quận", result.Page.CategoryName);
        Assert.Equal(new DateTime(2021, 6, 9, 7, 15, 0), result.Page.PublishedAtVietnam);
        Assert.Equal("Quận 5 tiêm vắc xin cho người cao tuổi", result.Page.Title);
        Assert.Equal("Đoạn thứ nhất.", result.Page.Lead);
        Assert.Equal(["Đoạn thứ hai."], result.Page.BodyParagraphs);
        Assert.Equal(1005002, result.Page.ViewCount);
        Assert.Equal(42, result.Page.VisitCounter);
    }

    [Theory]
    [InlineData("Tháng Mười", 10)]
    [InlineData("Tháng Mười Một", 11)]
    [InlineData("Tháng Mười Hai", 12)]
    [InlineData("tháng mười một", 11)]
    [InlineData("THÁNG MƯỜI HAI", 12)]
    public void Parse_MonthsStartingWithMuoi_PicksTheWholeName(string month, int expected)
    {
        var publishedAt = PublishedAt($"Bản tin quận 3 {month} 2020 8:00:00 SA");

        Assert.Equal(new DateTime(2020, expected, 3, 8, 0, 0), publishedAt);
    }

    [Theory]
    [InlineData("Tháng Một", 1)]
    [InlineData("Tháng Hai", 2)]
    [InlineData("Tháng Ba", 3)]
    [InlineData("Tháng Tư", 4)]
    [InlineData("Tháng Năm", 5)]
    [InlineData("Tháng Sáu", 6)]
    [InlineData("Tháng Bảy", 7)]
    [InlineData("Tháng Tám", 8)]
    [InlineData("Tháng Chín", 9)]
    [InlineData("Tháng Mười", 10)]
    [InlineData("Tháng Mười Một", 11)]
    [InlineData("Tháng Mười Hai", 12)]
    [InlineData("Tháng 7", 7)]
    public void Parse_EveryMonthName_ReadsItsNumber(string month, int expected)
    {
        var publishedAt = PublishedAt($"Văn hóa - Xã hội 28 {month} 2021 9:05:07 SA");

        Assert.Equal(new DateTime(2021, expected, 28, 9, 5, 7), publishedAt);
    }

    [Theory]
    [InlineData("12:00:00 CH", 12, 0)]
    [InlineData("12:30:00 SA", 0, 30)]
    [InlineData("12:59:00 CH", 12, 59)]
    [InlineData("1:00:00 CH", 13, 0)]
    [InlineData("11:59:00 CH", 23, 59)]
    [InlineData("11:59:00 SA", 11, 59)]
    [InlineData("1:00:00 SA", 1, 0)]
    [InlineData("3:45:00 ch", 15, 45)]
    [InlineData("3:45 CH", 15, 45)]
    public void Parse_TwelveHourClock_ConvertsTo24Hours(string clock, int hour, int minute)
    {
        var publishedAt = PublishedAt($"Bản tin quận 15 Tháng Tám 2021 {clock}");

        Assert.Equal(new DateTime(2021, 8, 15, hour, minute, 0), publishedAt);
    }

    [Theory]
    [InlineData("Bản tin quận 12 Tháng Mươi 2020 9:15:00 SA", "Tên tháng không hợp lệ: Tháng Mươi")]
    [InlineData("Bản tin quận 12 Tháng Mươi Một 2020 9:15:00 SA", "Tên tháng không hợp lệ: Tháng Mươi Một")]
    [InlineData("Bản tin quận 12 Tháng 13 2020 9:15:00 SA", "Tên tháng không hợp lệ: Tháng 13")]
    [InlineData("Bản tin quận 29 Tháng Hai 2021 9:15:00 SA", "Ngày không tồn tại: 29 Tháng Hai 2021")]
    [InlineData("Bản tin quận 31 Tháng Tư 2021 9:15:00 SA", "Ngày không tồn tại: 31 Tháng Tư 2021")]
    [InlineData("Bản tin quận 0 Tháng Tư 2021 9:15:00 SA", "Ngày không tồn tại: 0 Tháng Tư 2021")]
    [InlineData("Bản tin quận 5 Tháng Tư 2021 13:15:00 CH", "Giờ không hợp lệ: 13:15:00 CH")]
    [InlineData("Bản tin quận 5 Tháng Tư 2021 0:15:00 SA", "Giờ không hợp lệ: 0:15:00 SA")]
    [InlineData("Bản tin quận 5 Tháng Tư 2021 9:60:00 SA", "Giờ không hợp lệ: 9:60:00 SA")]
    [InlineData("5 Tháng Tư 2021 9:15:00 SA", "Thiếu tên chuyên mục trước thời gian đăng")]
    public void Parse_DamagedTimeLine_FailsOnThatLine(string timeLine, string reason)
    {
        var failure = Failure(OldPortalPageParser.Parse(Page(timeLine)));

        Assert.Equal(6, failure.Line);
        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void Parse_LeapDay_IsAccepted()
    {
        Assert.Equal(new DateTime(2020, 2, 29, 10, 0, 0), PublishedAt("Bản tin quận 29 Tháng Hai 2020 10:00:00 SA"));
    }

    [Fact]
    public void Parse_CategoryEndingInNumber_KeepsTheNumberInTheCategory()
    {
        var result = OldPortalPageParser.Parse(Page("Tin Phường 11 23 Tháng Mười Một 2020 8:15:00 SA"));

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal("Tin Phường 11", result.Page.CategoryName);
        Assert.Equal(new DateTime(2020, 11, 23, 8, 15, 0), result.Page.PublishedAtVietnam);
    }

    [Theory]
    [InlineData("Số lượt người xem: 431", 431L)]
    [InlineData("Số lượt người xem:431", 431L)]
    [InlineData("SỐ LƯỢT NGƯỜI XEM : 1.234", 1234L)]
    [InlineData("Số lượt người xem 77", 77L)]
    [InlineData("Số lượt người xem:", null)]
    public void Parse_ViewCountLine_ReadsNumber(string countLine, long? expected)
    {
        var result = OldPortalPageParser.Parse(Page("Bản tin quận 1 Tháng Chín 2021 8:00:00 SA", countLine));

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal(expected, result.Page.ViewCount);
        Assert.Empty(result.Page.BodyParagraphs);
    }

    [Theory]
    [InlineData("Số lượt người xem: 12,5", "Số lượt người xem không phải là số: 12,5")]
    [InlineData("Số lượt người xem: 1.23", "Số lượt người xem không phải là số: 1.23")]
    [InlineData("Số lượt người xem: -4", "Số lượt người xem không phải là số: -4")]
    public void Parse_ViewCountNotANumber_FailsOnThatLine(string countLine, string reason)
    {
        var failure = Failure(OldPortalPageParser.Parse(Page("Bản tin quận 1 Tháng Chín 2021 8:00:00 SA", countLine)));

        Assert.Equal(12, failure.Line);
        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void Parse_SentenceStartingLikeViewCount_StaysInTheBody()
    {
        var text = string.Join('\n',
            "Bản tin quận 1 Tháng Chín 2021 8:00:00 SA",
            "Trang thông tin điện tử quận tăng lượt truy cập",
            "Trong tháng 8, trang thông tin điện tử quận ghi nhận lượng truy cập tăng mạnh.",
            "Số lượt người xem các bản tin về tiêm chủng tăng gấp ba lần so với tháng trước.",
            "Số lượt người xem: 88");

        var result = OldPortalPageParser.Parse(text);

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal(["Số lượt người xem các bản tin về tiêm chủng tăng gấp ba lần so với tháng trước."], result.Page.BodyParagraphs);
        Assert.Equal(88, result.Page.ViewCount);
    }

    [Fact]
    public void Parse_ViewCountAfterFurnitureBlock_IsRead()
    {
        var text = string.Join('\n',
            "Bản tin quận 1 Tháng Chín 2021 8:00:00 SA", "Tiêu đề", "Nội dung.",
            "TIN MỚI HƠN", string.Empty, "Tìm kiếm", "Số lượt người xem: 31");

        var result = OldPortalPageParser.Parse(text);

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal(31, result.Page.ViewCount);
    }

    [Fact]
    public void Parse_ViewCountOfAnotherListedBulletin_IsIgnored()
    {
        var text = string.Join('\n',
            "Bản tin quận 1 Tháng Chín 2021 8:00:00 SA", "Tiêu đề", "Nội dung.",
            "TIN ĐÃ ĐƯA", "Phường 9 ra quân tổng vệ sinh", "Số lượt người xem: 4a1");

        var result = OldPortalPageParser.Parse(text);

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Null(result.Page.ViewCount);
    }

    [Fact]
    public void Parse_CounterWithoutLabel_ReadsDigitsAboveTimeLine()
    {
        var text = string.Join('\n', "0", "0", "1", "2", Nbsp, "Bản tin quận 1 Tháng Chín 2021 8:00:00 SA", "Tiêu đề", "Nội dung.");

        var result = OldPortalPageParser.Parse(text);

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal(12, result.Page.VisitCounter);
        Assert.Null(result.Page.ViewCount);
    }

    [Fact]
    public void Parse_StringWithBomAndCarriageReturns_ReadsPage()
    {
        var text = "\uFEFF" + Page("Bản tin quận 1 Tháng Chín 2021 8:00:00 SA").Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = OldPortalPageParser.Parse(text);

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal("Bản tin quận", result.Page.CategoryName);
        Assert.Equal(123, result.Page.VisitCounter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\u00A0\u00A0\r\n\t")]
    public void Parse_BlankText_FailsAsEmpty(string text)
    {
        var failure = Failure(OldPortalPageParser.Parse(text));

        Assert.Equal(0, failure.Line);
        Assert.Equal("Tệp rỗng", failure.Reason);
    }

    [Fact]
    public void Parse_BlankBytes_FailsAsEmpty()
    {
        var failure = Failure(OldPortalPageParser.Parse(Encoding.UTF8.GetBytes(" \r\n\u00A0\r\n")));

        Assert.Equal("Tệp rỗng", failure.Reason);
    }

    [Fact]
    public void Parse_ValidUtf8WithNul_FailsAsNotText()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("Bản tin quận 1 Tháng Chín 2021 8:00:00 SA") + "\0\0");

        var failure = Failure(OldPortalPageParser.Parse(bytes));

        Assert.Equal(0, failure.Line);
        Assert.Equal("Không phải tệp văn bản UTF-8", failure.Reason);
    }

    [Fact]
    public void Parse_Utf16Bytes_FailsAsNotText()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Page("Bản tin quận 1 Tháng Chín 2021 8:00:00 SA"))).ToArray();

        var failure = Failure(OldPortalPageParser.Parse(bytes));

        Assert.Equal("Không phải tệp văn bản UTF-8", failure.Reason);
    }

    [Fact]
    public void Parse_Windows1258Bytes_FailsAsNotText()
    {
        // "Quận" as Windows-1258 writes it (â = 0xE2, combining dot below = 0xF2): 0xE2 starts a UTF-8 sequence
        // that the next byte breaks.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Qu"), 0xE2, 0xF2, .. Encoding.ASCII.GetBytes("n 5")];

        var failure = Failure(OldPortalPageParser.Parse(bytes));

        Assert.Equal("Không phải tệp văn bản UTF-8", failure.Reason);
    }

    [Fact]
    public void Parse_OnlyOneParagraph_LeadIsItAndBodyIsEmpty()
    {
        var result = OldPortalPageParser.Parse(Page("Bản tin quận 1 Tháng Chín 2021 8:00:00 SA"));

        Assert.True(result.Success, result.Failure?.Reason);
        Assert.Equal("Phường 7 tổng vệ sinh chợ Kim Biên", result.Page.Title);
        Assert.Equal("Sáng nay, tiểu thương chợ Kim Biên cùng lực lượng đoàn viên tổng vệ sinh các lối đi trong chợ.", result.Page.Lead);
        Assert.Empty(result.Page.BodyParagraphs);
        Assert.Equal(10, result.Page.ViewCount);
    }
}
