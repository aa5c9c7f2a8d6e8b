using System.Net;
using System.Text;
using District5News.IntegrationTests.Infrastructure;
using District5News.UnitTests.Photos;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>
/// Cover images: told by their bytes, limited in size, put through the image pipeline (issue 13) into the media library
/// and shown on the public page.
/// </summary>
public sealed class CoverUploadTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    private static readonly byte[] Jpeg = PhoneCameraPhotos.Jpeg(640, 360, orientation: 1);
    private static readonly byte[] Png = PhoneCameraPhotos.Plain("png");
    private static readonly byte[] WebP = PhoneCameraPhotos.Plain("webp");

    public static TheoryData<string, string, string> Images() => new()
    {
        { "anh.jpg", "image/jpeg", "jpeg" },
        { "anh.png", "image/png", "png" },
        { "anh.webp", "image/webp", "webp" },
        { "ten-sai.txt", "text/plain", "png" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task Upload_RealImage_IsReencodedStoredAndShownOnThePublicPage(string fileName, string contentType, string kind)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var bytes = kind switch { "jpeg" => Jpeg, "png" => Png, _ => WebP };

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, EditorForms.Fields($"Bản tin có ảnh bìa {fileName}", "<p>Có ảnh.</p>"), "publish",
            new EditorForms.Upload(fileName, contentType, bytes));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = EditorForms.IdFrom(response);
        var cover = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImagePath).SingleAsync());
        Assert.Matches(@"^/uploads/media/[0-9a-f]{2}/[0-9a-f]{32}-\d+\.jpg$", cover);
        Assert.True(File.Exists(Path.Combine(app.UploadsPath, cover![("/uploads/".Length)..])));
        // The same picture sent twice is the same files (same content, same name), with a record each.
        var media = await app.WithDbAsync(db => db.Media.SingleAsync(m => m.FallbackPath == cover && m.AltText == $"Ảnh bìa: Bản tin có ảnh bìa {fileName}"));
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        var shown = page.QuerySelector("img.cover")!;
        Assert.Equal(cover, shown.GetAttribute("src"));
        Assert.Contains(cover + " " + media.Width + "w", shown.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal(ResponsiveImage.CoverSizes, shown.GetAttribute("sizes"));
        Assert.Equal("image/webp", page.QuerySelector("picture > source")!.GetAttribute("type"));
        var image = await app.CreateBrowser().GetAsync(new Uri(cover, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        var served = await image.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(bytes, served); // re-encoded, never stored as sent
        Assert.Empty(PhoneCameraPhotos.MetadataIn(served));
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Upload_TextFileNamedJpg_IsRefusedAndTheTypedFormIsKept()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        var filesBefore = UploadedFiles();

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl,
            EditorForms.Fields("Bản tin với ảnh giả", "<p>Nội dung đã gõ.</p>", lead: "Tóm tắt đã gõ."), "publish",
            new EditorForms.Upload("anh.jpg", "image/jpeg", Encoding.UTF8.GetBytes("Đây không phải là ảnh, chỉ là chữ.")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(PhotoMessages.NotAnImage, page.Text("[data-test=cover-error]"), StringComparison.Ordinal);
        Assert.Equal("Bản tin với ảnh giả", page.QuerySelector("[data-test=title]")!.GetAttribute("value"));
        Assert.Equal("Tóm tắt đã gõ.", page.QuerySelector("[data-test=lead]")!.TextContent);
        Assert.Contains("Nội dung đã gõ.", page.QuerySelector("[data-test=body]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(filesBefore, UploadedFiles());
    }

    [Fact]
    public async Task Upload_SvgOrHtmlDisguisedAsImage_IsRefused()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin thử ảnh SVG");

        var response = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), [], "publish",
            new EditorForms.Upload("anh.png", "image/png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImagePath).SingleAsync()));
    }

    [Fact]
    public async Task Upload_JustOverFiveMegabytes_IsRefusedWithAMessage()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var big = new byte[CoverImageStore.MaxBytes + 1];
        Jpeg.CopyTo(big, 0);

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin ảnh quá lớn", "<p>Nội dung.</p>"), "publish",
            new EditorForms.Upload("lon.jpg", "image/jpeg", big));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(CoverImageStore.TooLargeMessage, page.Text("[data-test=cover-error]"), StringComparison.Ordinal);
        Assert.Equal("Bản tin ảnh quá lớn", page.QuerySelector("[data-test=title]")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Bản tin ảnh quá lớn")));
    }

    [Fact]
    public async Task Upload_FarOverTheLimit_GetsAClearMessageNotA500()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var huge = new byte[12 * 1024 * 1024];
        Jpeg.CopyTo(huge, 0);

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin ảnh rất lớn", "<p>Nội dung.</p>"), "publish",
            new EditorForms.Upload("rat-lon.jpg", "image/jpeg", huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("tối đa 5 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Bản tin ảnh rất lớn")));
    }

    [Fact]
    public async Task RemoveCover_ClearsItButKeepsTheFileForTheHistory()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var created = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin bỏ ảnh bìa", "<p>Có ảnh.</p>"), "publish",
            new EditorForms.Upload("anh.png", "image/png", Png));
        var id = EditorForms.IdFrom(created);
        var cover = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImagePath).SingleAsync());

        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.RemoveCover"] = "true" }, "publish");

        Assert.Null(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImagePath).SingleAsync()));
        Assert.Equal(cover, await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.CoverImagePath).SingleAsync()));
        Assert.True(File.Exists(Path.Combine(app.UploadsPath, cover![("/uploads/".Length)..])));
    }

    private string[] UploadedFiles() =>
        Directory.EnumerateFiles(app.UploadsPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
}
