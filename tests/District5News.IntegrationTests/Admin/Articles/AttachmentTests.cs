using System.Net;
using System.Net.Http.Headers;
using District5News.IntegrationTests.Infrastructure;
using District5News.UnitTests.Files;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>
/// PDF, Word and Excel files attached in the bulletin form: checked by content, limited in size, stored under the
/// uploads folder with generated names, listed under the bulletin and downloaded as attachments, removable.
/// </summary>
public sealed class AttachmentTests(AttachmentTests.App app) : IClassFixture<AttachmentTests.App>
{
    private const string PdfName = "Kế hoạch tiếp công dân.pdf";

    /// <summary>The app with small limits (2 MB a file, 3 MB a save), so the files that break them stay small.</summary>
    public sealed class App : EditorAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Attachments:MaxFileBytes", (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Attachments:MaxUploadBytes", (3 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task RealFiles_AreStoredWithGeneratedNames_ListedUnderTheBulletin_AndDownloadedAsAttachments()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var pdf = DocumentSamples.Pdf(padding: 1_258_291 - DocumentSamples.Pdf().Length);
        var docx = DocumentSamples.Docx();
        var xlsx = DocumentSamples.Xlsx();

        var response = await PostAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin có tệp đính kèm", "<p>Xem tệp bên dưới.</p>"), "publish",
            (PdfName, "application/pdf", pdf), ("Danh sách hộ.docx", "application/octet-stream", docx), ("So lieu.xlsx", "application/vnd.ms-excel", xlsx));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = EditorForms.IdFrom(response);
        var stored = await app.WithDbAsync(db => db.ArticleAttachments.AsNoTracking().Where(a => a.ArticleId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([PdfName, "Danh sách hộ.docx", "So lieu.xlsx"], stored.Select(a => a.FileName));
        Assert.All(stored, a => Assert.Matches(@"^tep-dinh-kem/\d{4}/\d{2}/[0-9a-f]{32}$", a.StoredPath));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(app.UploadsPath, stored[0].StoredPath)));

        // The uploads folder's static files never serve them: only the download action does, as an attachment.
        var direct = await app.CreateBrowser().GetAsync(new Uri("/uploads/" + stored[0].StoredPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);

        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        var items = page.QuerySelectorAll("[data-test=attachments] [data-test=attachment]");
        Assert.Equal(
            [$"{PdfName} (Tài liệu PDF, 1,2 MB)", $"Danh sách hộ.docx (Văn bản Word, {KiB(docx)})", $"So lieu.xlsx (Bảng tính Excel, {KiB(xlsx)})"],
            items.Select(i => string.Join(' ', i.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("Tệp đính kèm", page.Text("[data-test=attachments] h2"));

        var link = items[0].QuerySelector("a")!.GetAttribute("href")!;
        var download = await app.CreateBrowser().GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(PdfName, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var word = await app.CreateBrowser().GetAsync(new Uri(items[1].QuerySelector("a")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Danh sách hộ.docx", word.Content.Headers.ContentDisposition!.FileNameStar);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "html", "trang-web.pdf", "Tệp “trang-web.pdf” không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ" },
        { "exe", "chuong-trinh.docx", "Tệp “chuong-trinh.docx” không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ" },
        { "zip", "nen.xlsx", "Tệp “nen.xlsx” không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ" },
        { "docm", "co-macro.docx", "Tệp có macro (như .docm, .xlsm) không được đính kèm" },
        { "doc", "cu.doc", "định dạng cũ (.doc, .xls)" },
        { "big", "qua-lon.pdf", "Tệp “qua-lon.pdf” quá lớn (2,5 MB): tối đa 2 MB." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Impostor_OrOversizedFile_IsRefusedBesideTheField_AndNothingIsStored(string sample, string fileName, string message)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var bytes = sample switch
        {
            "html" => DocumentSamples.Html(),
            "exe" => DocumentSamples.Exe(),
            "zip" => DocumentSamples.PlainZip(),
            "docm" => DocumentSamples.Docx(mainContentType: DocumentSamples.WordMacroMain),
            "doc" => DocumentSamples.OldOffice(),
            _ => DocumentSamples.Pdf(padding: (5 * 1024 * 1024 / 2) - DocumentSamples.Pdf().Length),
        };
        var title = $"Bản tin với tệp bị từ chối {sample}";
        var filesBefore = UploadedFiles();

        var response = await PostAsync(editor, EditorForms.CreateUrl, EditorForms.Fields(title, "<p>Nội dung đã gõ.</p>"), "publish", (fileName, "application/pdf", bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.Text("[data-test=error-Attachments]"), StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector("[data-test=title]")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == title)));
        Assert.Equal(filesBefore, UploadedFiles());
    }

    [Fact]
    public async Task RequestFarOverTheLimit_Is413WithAVietnameseMessage()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var response = await PostAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin tệp rất lớn", "<p>Nội dung.</p>"), "publish",
            ("rat-lon.pdf", "application/pdf", DocumentSamples.Pdf(padding: 10 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tệp đính kèm: mỗi tệp tối đa 2 MB, mỗi lần lưu tổng cộng tối đa 3 MB.", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Bản tin tệp rất lớn")));
    }

    [Fact]
    public async Task ValidFile_WithAnotherFieldWrong_IsNotKept_AndTheFormSaysToChooseItAgain()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var filesBefore = UploadedFiles();

        var response = await PostAsync(editor, EditorForms.CreateUrl, EditorForms.Fields(string.Empty, "<p>Thiếu tiêu đề.</p>"), "publish", ("a.pdf", "application/pdf", DocumentSamples.Pdf()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("vui lòng chọn lại tệp", page.Text("[data-test=error-Attachments]"), StringComparison.Ordinal);
        Assert.Equal(filesBefore, UploadedFiles());
    }

    [Fact]
    public async Task RemovingAnAttachment_TakesItOffThePublicPage_AndDeletesTheFile()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var created = await PostAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin gỡ tệp", "<p>Có tệp.</p>"), "publish",
            ("giu-lai.pdf", "application/pdf", DocumentSamples.Pdf()), ("go-bo.xlsx", "application/octet-stream", DocumentSamples.Xlsx()));
        var id = EditorForms.IdFrom(created);
        var form = await Html.ParseAsync(await editor.GetAsync(new Uri(EditorForms.EditUrl(id), UriKind.Relative)));
        var removeBox = form.QuerySelectorAll("[data-test=attachment]").Single(li => li.TextContent.Contains("go-bo.xlsx", StringComparison.Ordinal))
            .QuerySelector("[data-test=remove-attachment]")!;
        var removed = await app.WithDbAsync(db => db.ArticleAttachments.AsNoTracking().SingleAsync(a => a.ArticleId == id && a.FileName == "go-bo.xlsx"));

        var save = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.RemoveAttachments"] = removeBox.GetAttribute("value")! }, "publish");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(["giu-lai.pdf"], await app.WithDbAsync(db => db.ArticleAttachments.Where(a => a.ArticleId == id).Select(a => a.FileName).ToListAsync()));
        Assert.False(File.Exists(Path.Combine(app.UploadsPath, removed.StoredPath)));
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        Assert.Equal(["giu-lai.pdf"], page.QuerySelectorAll("[data-test=attachment-link]").Select(a => a.TextContent));
        var gone = await app.CreateBrowser().GetAsync(new Uri($"/tep-dinh-kem/{removed.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AttachmentOfADraft_IsDownloadableByStaffOnly()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var created = await PostAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản nháp có tệp", "<p>Chưa đăng.</p>"), "draft",
            ("nhap.pdf", "application/pdf", DocumentSamples.Pdf()));
        var id = EditorForms.IdFrom(created);
        var attachmentId = await app.WithDbAsync(db => db.ArticleAttachments.Where(a => a.ArticleId == id).Select(a => a.Id).SingleAsync());

        var resident = await app.CreateBrowser().GetAsync(new Uri($"/tep-dinh-kem/{attachmentId}", UriKind.Relative));
        var staff = await editor.GetAsync(new Uri($"/tep-dinh-kem/{attachmentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, resident.StatusCode);
        Assert.Contains("Không tìm thấy tệp đính kèm", await resident.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.True(staff.Headers.CacheControl is { Private: true, NoStore: true });
    }

    private static string KiB(byte[] bytes) => District5News.Web.Features.Vietnamese.VietnameseFormat.FileSize(bytes.Length);

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string formUrl, Dictionary<string, string> changes, string intent, params (string Name, string ContentType, byte[] Bytes)[] files)
    {
        var fields = await EditorForms.ReadFormAsync(client, formUrl);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        fields["Input.Intent"] = intent;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(file, "Input.Attachments", name);
        }

        return await client.PostAsync(new Uri(formUrl, UriKind.Relative), content);
    }

    private string[] UploadedFiles() =>
        Directory.Exists(app.UploadsPath)
            ? Directory.EnumerateFiles(app.UploadsPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];
}
