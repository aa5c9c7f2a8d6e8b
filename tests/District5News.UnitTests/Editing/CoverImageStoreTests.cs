using System.Text;
using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

public sealed class CoverImageStoreTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1 }, CoverImageKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, CoverImageKind.Png)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x1A, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, CoverImageKind.WebP)]
    public void Detect_KnownSignature_TellsTheKind(byte[] header, CoverImageKind kind) =>
        Assert.Equal(kind, CoverImageStore.Detect(header));

    [Theory]
    [InlineData("Đây là chữ, không phải ảnh")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("GIF89a......")]
    [InlineData("RIFF....WAVE")]
    [InlineData("%PDF-1.7")]
    [InlineData("")]
    public void Detect_AnythingElse_IsNull(string content) =>
        Assert.Null(CoverImageStore.Detect(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Detect_TruncatedSignature_IsNull() =>
        Assert.Null(CoverImageStore.Detect(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
}
