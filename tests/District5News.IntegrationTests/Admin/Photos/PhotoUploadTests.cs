using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.UnitTests.Photos;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;

namespace District5News.IntegrationTests.Admin.Photos;

/// <summary>
/// Issue 13 §1: photos uploaded the way the editor's panel and the library's form send them, checked as stored on disk,
/// as served, and as residents get them in a published bulletin.
/// </summary>
public sealed class PhotoUploadTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    private const string LibraryUrl = "/admin/thu-vien-anh";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Upload_PhonePhotoWithGpsLyingOnItsSide_StoresUprightCopiesWithoutMetadataServedForAYear()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var phonePhoto = PhoneCameraPhotos.Jpeg(storedWidth: 1200, storedHeight: 900, orientation: 6);

        var response = await UploadAsync(editor, phonePhoto, "IMG_20261120_081500.jpg", "Cán bộ phường An Đông phát quà", "Phát quà Tết", "Ảnh: Lê Văn A");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = (await response.Content.ReadFromJsonAsync<MediaItem>(Json))!;
        Assert.Equal((900, 1200), (item.Width, item.Height)); // shown upright: the stored sides swapped
        var media = await app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == item.Id));
        Assert.Equal("480,900", media.Widths);
        Assert.Equal(("Cán bộ phường An Đông phát quà", "Phát quà Tết", "Ảnh: Lê Văn A"), (media.AltText, media.Caption, media.Credit));
        Assert.Equal(item.Src, media.FallbackPath);

        var image = new ResponsiveImage(media.Key, [480, 900], 900, 1200);
        foreach (var (width, format) in new[] { (480, PhotoFormat.WebP), (480, PhotoFormat.Jpeg), (900, PhotoFormat.WebP), (900, PhotoFormat.Jpeg) })
        {
            var path = MediaPaths.Public(media.Key, width, format);
            Assert.Matches(@"^/uploads/media/[0-9a-f]{2}/[0-9a-f]{32}-\d+\.(webp|jpg)$", path);
            var onDisk = await File.ReadAllBytesAsync(Path.Combine(app.UploadsPath, path["/uploads/".Length..]));
            var served = await app.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.Equal(onDisk, bytes);
            Assert.Empty(PhoneCameraPhotos.MetadataIn(bytes));
            var info = Image.Identify(bytes);
            Assert.Equal(width, info.Width);
            Assert.Equal((int)Math.Round(width * 1200 / 900.0, MidpointRounding.AwayFromZero), info.Height);
            Assert.Equal(format == PhotoFormat.WebP ? "image/webp" : "image/jpeg", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            var cache = served.Headers.CacheControl!;
            Assert.True(cache.Public);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains("immutable", served.Headers.GetValues("Cache-Control").Single(), StringComparison.Ordinal);
        }

        Assert.Contains(image.SrcSet(PhotoFormat.Jpeg), item.SrcSet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAltText_IsRefusedAndNothingIsStored()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var before = await app.WithDbAsync(db => db.Media.CountAsync());

        var response = await UploadAsync(editor, PhoneCameraPhotos.Jpeg(320, 240, orientation: 1), "anh.jpg", alt: "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PhotoMessages.AltRequired, (await response.Content.ReadFromJsonAsync<MediaUploadError>(Json))!.Error);
        Assert.Equal(before, await app.WithDbAsync(db => db.Media.CountAsync()));
    }

    public static TheoryData<string, byte[], string> NotPhotos() => new()
    {
        { "bom-giai-nen.png", PhoneCameraPhotos.BombPng(100_000, 100_000), PhotoMessages.TooManyPixels(100_000, 100_000) },
        { "tai-lieu.jpg", PhoneCameraPhotos.Pdf(), PhotoMessages.WrongType("đây là tệp PDF") },
        { "trang-web.jpg", PhoneCameraPhotos.Html(), PhotoMessages.WrongType("đây là trang web, ảnh SVG hoặc tệp văn bản có mã") },
        { "anh-ghep.jpg", PhoneCameraPhotos.Polyglot(), PhotoMessages.Polyglot },
        { "anh-hong.jpg", PhoneCameraPhotos.Truncated(), PhotoMessages.Undecodable },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task Upload_BombPolyglotOrRenamedFile_IsRefusedWithAMessageNotA500(string fileName, byte[] file, string message)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var before = await app.WithDbAsync(db => db.Media.CountAsync());

        var fromPanel = await UploadAsync(editor, file, fileName, "Mô tả ảnh");
        var fromForm = await UploadAsync(editor, file, fileName, "Mô tả ảnh", json: false);

        Assert.Equal(HttpStatusCode.BadRequest, fromPanel.StatusCode);
        Assert.Equal(message, (await fromPanel.Content.ReadFromJsonAsync<MediaUploadError>(Json))!.Error);
        Assert.Equal(HttpStatusCode.BadRequest, fromForm.StatusCode);
        var page = await Html.ParseAsync(fromForm);
        Assert.Equal(message, page.Text("[data-test=error-File]"));
        Assert.Equal("Mô tả ảnh", page.QuerySelector("[data-test=media-alt]")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task InsertedPhoto_IsPublishedAsAFigureWithSrcsetSizesDimensionsAndLazyLoading()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var item = await UploadOkAsync(editor, PhoneCameraPhotos.Jpeg(2000, 1500, orientation: 1), "Người dân tập thể dục ở công viên");
        var body = $"<p>Sáng nay, công viên đông người.</p><figure><img src=\"{item.Src}\" alt=\"{item.AltText}\"><figcaption>Công viên Văn Lang — Ảnh: Phường Chợ Lớn</figcaption></figure><p>Kết thúc.</p>";

        var id = await EditorForms.CreateAsync(editor, "Bản tin có ảnh trong nội dung", body: body);

        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        var figure = page.QuerySelector("[data-test=body] figure")!;
        var source = figure.QuerySelector("picture > source")!;
        var img = figure.QuerySelector("picture > img")!;
        var key = MediaPaths.KeyOf(item.Src)!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal($"/uploads/media/{key[..2]}/{key}-480.webp 480w, /uploads/media/{key[..2]}/{key}-960.webp 960w, /uploads/media/{key[..2]}/{key}-1600.webp 1600w",
            source.GetAttribute("srcset"));
        Assert.Equal($"/uploads/media/{key[..2]}/{key}-480.jpg 480w, /uploads/media/{key[..2]}/{key}-960.jpg 960w, /uploads/media/{key[..2]}/{key}-1600.jpg 1600w",
            img.GetAttribute("srcset"));
        Assert.Equal(item.Src, img.GetAttribute("src"));
        Assert.Equal(ResponsiveImage.BodySizes, img.GetAttribute("sizes"));
        Assert.Equal(ResponsiveImage.BodySizes, source.GetAttribute("sizes"));
        Assert.Equal(("1600", "1200"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("Người dân tập thể dục ở công viên", img.GetAttribute("alt"));
        Assert.Equal("Công viên Văn Lang — Ảnh: Phường Chợ Lớn", figure.QuerySelector("figcaption")!.TextContent);

        // Saved again as loaded (no JavaScript: the textarea holds the stored body), the body stays as it was.
        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
        var again = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Lead"] = "Tóm tắt mới." }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(stored, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
    }

    [Fact]
    public async Task Preview_ShowsAnInsertedPhotoAsResidentsWillGetIt()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var item = await UploadOkAsync(editor, PhoneCameraPhotos.Jpeg(1000, 750, orientation: 1), "Ảnh xem trước");
        var fields = await EditorForms.ReadFormAsync(editor, EditorForms.CreateUrl);
        fields["Input.Title"] = "Xem trước bản tin có ảnh";
        fields["Input.CategoryId"] = "1";
        fields["Input.Body"] = $"<figure><img src=\"{item.Src}\" alt=\"Ảnh xem trước\"></figure>";

        var response = await EditorForms.PostAsync(editor, "/admin/bai-viet/xem-truoc", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var img = (await Html.ParseAsync(response)).QuerySelector("[data-test=body] figure picture > img")!;
        Assert.Equal(item.SrcSet, img.GetAttribute("srcset"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
    }

    [Fact]
    public async Task BodyImageWithoutAltText_IsRefusedBesideTheBody()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var item = await UploadOkAsync(editor, PhoneCameraPhotos.Jpeg(640, 480, orientation: 1), "Ảnh có mô tả trong thư viện");

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl,
            EditorForms.Fields("Bản tin ảnh thiếu mô tả", $"<p>Chữ.</p><figure><img src=\"{item.Src}\" alt=\"\"></figure>"), "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(Web.Features.Photos.BodyImages.MissingAltMessage(1), page.Text("[data-test=error-Body]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Bản tin ảnh thiếu mô tả")));
    }

    [Fact]
    public async Task Cover_FromThePipeline_HasSrcsetOnTheHomePageAndInLists()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        await EditorForms.CreateAsync(editor, "Bản tin cũ hơn không có ảnh");
        var created = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl,
            EditorForms.Fields("Bản tin mới nhất có ảnh bìa", "<p>Nội dung.</p>"), "publish",
            new EditorForms.Upload("bia.jpg", "image/jpeg", PhoneCameraPhotos.Jpeg(1800, 1200, orientation: 1)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var cover = await app.WithDbAsync(db => db.Articles.Where(a => a.Title == "Bản tin mới nhất có ảnh bìa").Select(a => a.CoverImagePath).SingleAsync());
        var key = MediaPaths.KeyOf(cover)!;

        var (_, home) = await app.GetAsReaderAsync("/");
        var (_, listing) = await app.GetAsReaderAsync("/chuyen-muc/ban-tin-quan");

        var feature = home.QuerySelector("img[data-test=feature-cover]")!;
        Assert.Equal(cover, feature.GetAttribute("src"));
        Assert.Equal(ResponsiveImage.FeatureSizes, feature.GetAttribute("sizes"));
        Assert.Contains($"{key}-960.jpg 960w", feature.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Contains($"{key}-1600.webp 1600w", feature.ParentElement!.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"), StringComparison.Ordinal);

        var thumb = listing.QuerySelector($"img[data-test=thumb][src*='{key}']")!;
        Assert.Equal(MediaPaths.Public(key, 480, PhotoFormat.Jpeg), thumb.GetAttribute("src"));
        Assert.Equal(ResponsiveImage.ThumbnailSizes, thumb.GetAttribute("sizes"));
        Assert.Contains($"{key}-1600.jpg 1600w", thumb.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Contains($"{key}-480.webp 480w", thumb.ParentElement!.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("lazy", thumb.GetAttribute("loading"));
    }

    [Fact]
    public async Task Library_ListsPhotosWithThumbnailsAndAddresses_AndThePickerPagesThem()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var item = await UploadOkAsync(editor, PhoneCameraPhotos.Jpeg(800, 600, orientation: 1), "Chợ Bình Tây buổi sáng", caption: "Chợ Bình Tây", credit: "Ảnh: Trần B");

        var (response, page) = await Html.GetAsync(editor, LibraryUrl);
        var picker = await editor.GetFromJsonAsync<MediaPickerPage>("/admin/thu-vien-anh/chon?page=1", Json);
        var badPage = await editor.GetAsync(new Uri(LibraryUrl + "?page=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = page.QuerySelector($"[data-test=media-item][data-id='{item.Id}']")!;
        var thumb = card.QuerySelector("img[data-test=media-thumb]")!;
        Assert.Equal(item.Thumbnail, thumb.GetAttribute("src"));
        Assert.Equal("Chợ Bình Tây buổi sáng", thumb.GetAttribute("alt"));
        Assert.Equal("lazy", thumb.GetAttribute("loading"));
        Assert.Equal(item.Src, card.QuerySelector("[data-test=media-address]")!.GetAttribute("value"));
        Assert.Contains("Chợ Bình Tây — Ảnh: Trần B", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(item.Id, picker!.Items[0].Id);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task Library_WithoutSigningIn_SendsToTheSignInPage()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(LibraryUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<MediaItem> UploadOkAsync(HttpClient client, byte[] file, string alt, string? caption = null, string? credit = null)
    {
        var response = await UploadAsync(client, file, "anh.jpg", alt, caption, credit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MediaItem>(Json))!;
    }

    /// <summary>Posts a photo as the editor's panel does (JSON) or as the library's plain form does, with the page's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, byte[] file, string fileName, string? alt = null, string? caption = null, string? credit = null, bool json = true)
    {
        var (_, page) = await Html.GetAsync(client, LibraryUrl);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Staff.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(alt ?? string.Empty), "Input.AltText" },
            { new StringContent(caption ?? string.Empty), "Input.Caption" },
            { new StringContent(credit ?? string.Empty), "Input.Credit" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "Input.File", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(LibraryUrl, UriKind.Relative)) { Content = content };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }
}
