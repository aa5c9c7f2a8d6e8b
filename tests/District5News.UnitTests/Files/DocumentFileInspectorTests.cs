using District5News.Web.Features.Files;
using District5News.Web.Features.Vietnamese;

namespace District5News.UnitTests.Files;

/// <summary>Documents are told by content: real files pass, renamed programs, pages, zips and macro files do not.</summary>
public sealed class DocumentFileInspectorTests
{
    private static readonly DocumentKind[] All = [DocumentKind.Pdf, DocumentKind.Word, DocumentKind.Excel];

    public static TheoryData<string, DocumentKind> RealFiles() => new()
    {
        { "pdf", DocumentKind.Pdf },
        { "docx", DocumentKind.Word },
        { "xlsx", DocumentKind.Excel },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Inspect_RealFile_IsItsKind(string sample, DocumentKind expected)
    {
        var bytes = sample switch { "pdf" => DocumentSamples.Pdf(), "docx" => DocumentSamples.Docx(), _ => DocumentSamples.Xlsx() };

        var inspection = DocumentFileInspector.Inspect(new MemoryStream(bytes), "tep", All);

        Assert.Equal(expected, inspection.Kind);
        Assert.Null(inspection.Error);
    }

    public static TheoryData<string, string> Impostors() => new()
    {
        { "html", "không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ" },
        { "exe", "không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ" },
        { "zip", "không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ" },
        { "docm", "có macro" },
        { "vba", "có macro" },
        { "doc", "định dạng cũ" },
        { "empty", "không phải là tệp" },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public void Inspect_Impostor_IsRefusedWithAVietnameseReason(string sample, string reason)
    {
        var bytes = sample switch
        {
            "html" => DocumentSamples.Html(),
            "exe" => DocumentSamples.Exe(),
            "zip" => DocumentSamples.PlainZip(),
            "docm" => DocumentSamples.Docx(mainContentType: DocumentSamples.WordMacroMain),
            "vba" => DocumentSamples.Docx(withVbaProject: true),
            "doc" => DocumentSamples.OldOffice(),
            _ => [],
        };

        var inspection = DocumentFileInspector.Inspect(new MemoryStream(bytes), "ke-hoach.pdf", All);

        Assert.Null(inspection.Kind);
        Assert.Contains(reason, inspection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_KindNotAllowedHere_IsRefused()
    {
        var inspection = DocumentFileInspector.Inspect(new MemoryStream(DocumentSamples.Docx()), "van-ban.docx", [DocumentKind.Pdf]);

        Assert.Null(inspection.Kind);
        Assert.Equal("Tệp “van-ban.docx” không phải là tệp PDF hợp lệ (nội dung tệp được kiểm tra, không chỉ tên tệp).", inspection.Error);
    }

    [Fact]
    public void Inspect_TruncatedZip_IsRefusedNotThrown()
    {
        var docx = DocumentSamples.Docx();

        var inspection = DocumentFileInspector.Inspect(new MemoryStream(docx[..(docx.Length / 2)]), "hong.docx", All);

        Assert.Null(inspection.Kind);
    }

    [Theory]
    [InlineData(0, "0 byte")]
    [InlineData(512, "512 byte")]
    [InlineData(34_816, "34 KB")]
    [InlineData(1_258_291, "1,2 MB")]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    [InlineData(157_286_400, "150 MB")]
    public void FileSize_IsWrittenTheVietnameseWay(long bytes, string expected) =>
        Assert.Equal(expected, VietnameseFormat.FileSize(bytes));
}
