using System.Text;
using District5News.Web.Features.Vietnamese;

namespace District5News.UnitTests.Vietnamese;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Tuyên giáo", "tuyen giao")]
    [InlineData("TUYÊN GIÁO", "tuyen giao")]
    [InlineData("đồng chí", "dong chi")]
    [InlineData("Đảng ủy", "dang uy")]
    [InlineData("Ðảng", "dang")] // U+00D0, which looks like Đ but does not decompose
    [InlineData("Ɖảng", "dang")] // U+0189
    [InlineData("Ăn ở, ẩm thực, ợ, ướt, Ỹ", "an o, am thuc, o, uot, y")]
    [InlineData("Quận 5", "quan 5")]
    public void Fold_VietnameseText_DropsMarksAndMapsD(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_DecomposedInput_FoldsLikePrecomposed() =>
        Assert.Equal("nguyen thi huong", VietnameseText.Fold("Nguyễn Thị Hường".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Fold_DoesNotDependOnCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");

            // Turkish lower-cases I to a dotless ı: without that (invariant globalization) the test would prove nothing.
            Assert.Equal("tın", "TIN".ToLower(System.Globalization.CultureInfo.CurrentCulture));
            Assert.Equal("tin tuc quan", VietnameseText.Fold("TIN TỨC QUẬN"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Normalize_Decomposed_BecomesNfc()
    {
        var decomposed = "Hội nghị".Normalize(NormalizationForm.FormD);

        Assert.Equal("Hội nghị", VietnameseText.Normalize(decomposed));
        Assert.True(VietnameseText.Normalize(decomposed).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Words_SplitsOnPunctuationAndSpaces() =>
        Assert.Equal(["dong", "chi", "bi", "thu", "2026"], VietnameseText.Words("  Đồng chí, Bí-thư (2026)! "));

    [Theory]
    [InlineData("Tô Đại Phong", "tô đại phong")]
    [InlineData("ÐẠI", "đại")] // U+00D0 read as Đ
    [InlineData("Hoà bình, thuỷ lợi, hoè", "hòa bình thủy lợi hòe")] // one place for the tone mark
    [InlineData("hòa bình thủy lợi hòe", "hòa bình thủy lợi hòe")]
    [InlineData("Hoàng Quốc Việt, người, khuỷu, già, gì, quý", "hoàng quốc việt người khuỷu già gì quý")]
    [InlineData("Quận 5", "quận 5")]
    public void MarkedSearchForm_KeepsMarks_LowerCase_OneTonePlacement(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.MarkedSearchForm(input));

    [Fact]
    public void MarkedSearchForm_DecomposedInput_IsTheSame() =>
        Assert.Equal("nguyễn thị hường", VietnameseText.MarkedSearchForm("Nguyễn Thị Hường".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Syllables_PointAtTheTextAndFoldLikeWords()
    {
        const string text = "Ông Tô-Đại (Phong) 2026";
        var syllables = VietnameseText.Syllables(text);

        Assert.Equal(["ong", "to", "dai", "phong", "2026"], syllables.Select(s => s.Folded));
        Assert.Equal(["Ông", "Tô", "Đại", "Phong", "2026"], syllables.Select(s => text[s.Start..s.End]));
        Assert.Equal(VietnameseText.Words(text), syllables.Select(s => s.Folded));
    }

    [Fact]
    public void Words_TextWithSurrogatesAndStrayMarks_DoesNotThrow() =>
        Assert.Equal(["a", "b"], VietnameseText.Words("\u0301a \U0001F600 b"));

    [Theory]
    [InlineData("Hội nghị Ban Tuyên giáo Quận ủy năm 2026", "hoi-nghi-ban-tuyen-giao-quan-uy-nam-2026")]
    [InlineData("Đường Trần Hưng Đạo: cấm xe từ 20 giờ", "duong-tran-hung-dao-cam-xe-tu-20-gio")]
    [InlineData("“Xuân yêu thương” – 2027", "xuan-yeu-thuong-2027")]
    [InlineData("!!!", "bai-viet")]
    public void Slugify_Title_GivesLowercaseAsciiWords(string title, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(title));

    [Fact]
    public void Slugify_LongTitle_CutsAtAWordBoundary()
    {
        var slug = VietnameseText.Slugify(string.Concat(Enumerable.Repeat("Phường Chợ Quán ", 20)));

        Assert.True(slug.Length <= 80);
        Assert.False(slug.EndsWith('-'));
        Assert.EndsWith("quan", slug, StringComparison.Ordinal);
    }
}
