using AngleSharp.Html.Parser;
using District5News.Web.Features.Editing;

namespace District5News.UnitTests.Editing;

/// <summary>Issue 13: body photos. The sanitizer keeps figures and responsive pictures of our own uploads, and nothing else of images.</summary>
public sealed class HtmlBodySanitizerImageTests
{
    private const string Key = "ab0123456789abcdef0123456789abcd";
    private const string Sizes = "(min-width: 760px) 700px, calc(100vw - 2rem)";

    /// <summary>What <c>BodyImages</c> stores for a photo, as the sanitizer writes it.</summary>
    private static readonly string StoredFigure =
        $"<figure><picture><source type=\"image/webp\" srcset=\"/uploads/media/ab/{Key}-480.webp 480w, /uploads/media/ab/{Key}-960.webp 960w\" sizes=\"{Sizes}\">"
        + $"<img src=\"/uploads/media/ab/{Key}-960.jpg\" srcset=\"/uploads/media/ab/{Key}-480.jpg 480w, /uploads/media/ab/{Key}-960.jpg 960w\" sizes=\"{Sizes}\" "
        + "width=\"960\" height=\"1280\" alt=\"Cán bộ phường phát quà\" loading=\"lazy\" decoding=\"async\"></picture>"
        + "<figcaption>Phát quà Tết — Ảnh: Lê Văn A</figcaption></figure>\n";

    private readonly HtmlBodySanitizer _sanitizer = new();

    [Fact]
    public void Sanitize_StoredResponsiveFigure_IsKeptAsItIsAndStaysSo()
    {
        var once = _sanitizer.Sanitize(StoredFigure).Html;

        Assert.Equal(StoredFigure, once);
        Assert.Equal(once, _sanitizer.SanitizeHtml(once).Html);
    }

    public static TheoryData<string, string> Unsafe() => new()
    {
        { "image from another site", "<figure><img src=\"https://evil.example/a.jpg\" alt=\"ảnh\"><figcaption>chú thích</figcaption></figure>" },
        { "image outside uploads", "<p>chữ<img src=\"/admin/a.jpg\" alt=\"ảnh\"></p>" },
        { "data image", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"ảnh\">" },
        { "srcset to another site", $"<img src=\"/uploads/media/ab/{Key}-960.jpg\" srcset=\"https://evil.example/x.jpg 480w\" alt=\"ảnh\">" },
        { "srcset with javascript", $"<img src=\"/uploads/media/ab/{Key}-960.jpg\" srcset=\"javascript:alert(1) 1x\" alt=\"ảnh\">" },
        { "source to another site", $"<picture><source type=\"image/webp\" srcset=\"https://evil.example/x.webp 480w\"><img src=\"/uploads/media/ab/{Key}-960.jpg\" alt=\"ảnh\"></picture>" },
        { "source of another type", $"<picture><source type=\"image/svg+xml\" srcset=\"/uploads/x.svg 480w\"><img src=\"/uploads/media/ab/{Key}-960.jpg\" alt=\"ảnh\"></picture>" },
        { "source alone", "<p>chữ<source type=\"image/webp\" srcset=\"/uploads/a.webp 480w\" onerror=\"alert(1)\"></p>" },
        { "picture holding text", $"<picture><b>chữ</b><img src=\"/uploads/media/ab/{Key}-960.jpg\" alt=\"ảnh\"></picture>" },
        { "odd sizes", $"<img src=\"/uploads/media/ab/{Key}-960.jpg\" sizes=\"url(javascript:alert(1))\" alt=\"ảnh\">" },
        { "odd size attributes", $"<img src=\"/uploads/media/ab/{Key}-960.jpg\" width=\"100%\" height=\"javascript:alert(1)\" loading=\"alert(1)\" alt=\"ảnh\">" },
        { "event handlers", $"<img src=\"/uploads/media/ab/{Key}-960.jpg\" onload=\"alert(1)\" onerror=\"alert(1)\" alt=\"ảnh\">" },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Sanitize_ImageMarkupOutsideThePolicy_LeavesOnlyOurFilesAndPlainValues(string what, string payload)
    {
        var output = _sanitizer.Sanitize(payload).Html;

        Assert.True(!output.Contains("alert", StringComparison.Ordinal) && !output.Contains("evil", StringComparison.Ordinal), $"{what}: {output}");
        Assert.Empty(NormalizationHazards.Problems(output));
        var body = new HtmlParser().ParseDocument(output).Body!;
        foreach (var source in body.QuerySelectorAll("source"))
        {
            Assert.Equal("picture", source.ParentElement!.LocalName);
            Assert.Equal("image/webp", source.GetAttribute("type"));
        }

        foreach (var image in body.QuerySelectorAll("img"))
        {
            Assert.StartsWith("/uploads/", image.GetAttribute("src"), StringComparison.Ordinal);
            Assert.All(new[] { "width", "height" }, name => Assert.True(image.GetAttribute(name) is null or { Length: <= 5 }));
        }
    }

    [Fact]
    public void Sanitize_ImageFromAnotherSite_IsDroppedWithItsFigureKeepingTheCaption()
    {
        var output = _sanitizer.Sanitize("<figure><img src=\"https://quan5.example/b.png\" alt=\"ảnh\"><figcaption>Chú thích</figcaption></figure>").Html;

        Assert.Equal("<figure><figcaption>Chú thích</figcaption></figure>\n", output);
    }
}
