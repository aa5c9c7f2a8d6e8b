using District5News.Web.Features.Photos;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace District5News.UnitTests.Photos;

/// <summary>The image pipeline on files made here: a phone photo lying on its side with GPS, a bomb, a polyglot, renamed documents.</summary>
public sealed class ImagePipelineTests : IDisposable
{
    private readonly ImagePipeline _pipeline = new(NullLogger<ImagePipeline>.Instance);

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task Process_PhonePhotoOnItsSideWithGps_StoresUprightCopiesWithNoMetadata()
    {
        var original = PhoneCameraPhotos.Jpeg(storedWidth: 1200, storedHeight: 900, orientation: 6);
        Assert.NotEmpty(PhoneCameraPhotos.MetadataIn(original)); // the test file does carry what must go

        var result = await _pipeline.ProcessAsync(original, CancellationToken.None);

        Assert.Null(result.Error);
        var photo = result.Photo!;
        Assert.Equal((900, 1200), (photo.Width, photo.Height)); // turned upright: the sides swapped
        Assert.Equal([480, 900], photo.Widths);
        Assert.Equal(4, photo.Files.Count);
        foreach (var file in photo.Files)
        {
            Assert.Empty(PhoneCameraPhotos.MetadataIn(file.Bytes));
            var info = Image.Identify(file.Bytes, out var format);
            Assert.Equal((file.Width, file.Height), (info.Width, info.Height));
            Assert.Equal(file.Format == PhotoFormat.WebP ? "image/webp" : "image/jpeg", format.DefaultMimeType);

            // The stored top-left (red) is now top-right; the top-left is the blue background.
            using var pixels = Image.Load<Rgb24>(file.Bytes);
            var topRight = pixels[(pixels.Width * 3) / 4, pixels.Height / 4];
            var topLeft = pixels[pixels.Width / 4, pixels.Height / 4];
            Assert.True(topRight.R > 150 && topRight.B < 100, $"top right is {topRight} in the {file.Width}px {file.Format}");
            Assert.True(topLeft.B > 150 && topLeft.R < 100, $"top left is {topLeft} in the {file.Width}px {file.Format}");
        }
    }

    [Fact]
    public async Task Process_SamePhotoTwice_GetsTheSameContentFingerprint()
    {
        var original = PhoneCameraPhotos.Jpeg(320, 240, orientation: 1);

        var first = (await _pipeline.ProcessAsync(original, CancellationToken.None)).Photo!;
        var second = (await _pipeline.ProcessAsync(original, CancellationToken.None)).Photo!;
        var other = (await _pipeline.ProcessAsync(PhoneCameraPhotos.Jpeg(320, 240, orientation: 6), CancellationToken.None)).Photo!;

        Assert.Matches("^[0-9a-f]{32}$", first.Key);
        Assert.Equal(first.Key, second.Key);
        Assert.NotEqual(first.Key, other.Key);
    }

    [Theory]
    [InlineData(300, new[] { 300 })]
    [InlineData(500, new[] { 500 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    [InlineData(4000, new[] { 480, 960, 1600 })]
    public void WidthsFor_NeverUpscales(int width, int[] expected) => Assert.Equal(expected, ImagePipeline.WidthsFor(width));

    [Fact]
    public async Task Process_DecompressionBomb_IsRefusedFromItsHeader()
    {
        var bomb = PhoneCameraPhotos.BombPng(100_000, 100_000);
        Assert.True(bomb.Length < 200, $"{bomb.Length} bytes");

        var result = await _pipeline.ProcessAsync(bomb, CancellationToken.None);

        Assert.Null(result.Photo);
        Assert.StartsWith(PhotoMessages.TooManyPixelsStart, result.Error, StringComparison.Ordinal);
        Assert.Contains("100.000 × 100.000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_LongStrip_IsRefusedByItsSide()
    {
        var result = await _pipeline.ProcessAsync(PhoneCameraPhotos.BombPng(PhotoLimits.MaxSide + 1, 10), CancellationToken.None);

        Assert.StartsWith(PhotoMessages.TooManyPixelsStart, result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "PDF renamed .jpg", PhoneCameraPhotos.Pdf(), PhotoMessages.WrongType("đây là tệp PDF") },
        { "HTML renamed .jpg", PhoneCameraPhotos.Html(), PhotoMessages.WrongType("đây là trang web, ảnh SVG hoặc tệp văn bản có mã") },
        { "text renamed .png", "Đây không phải là ảnh."u8.ToArray(), PhotoMessages.WrongType(null) },
        { "JPEG with a page after it", PhoneCameraPhotos.Polyglot(), PhotoMessages.Polyglot },
        { "cut-off JPEG", PhoneCameraPhotos.Truncated(), PhotoMessages.Undecodable },
        { "empty", [], PhotoMessages.Empty },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Process_NotAPhoto_IsRefusedWithItsMessage(string what, byte[] file, string message)
    {
        var result = await _pipeline.ProcessAsync(file, CancellationToken.None);

        Assert.Null(result.Photo);
        Assert.True(message == result.Error, $"{what}: {result.Error}");
    }
}
