using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Documents;

/// <summary>Issue 12 §2 "Văn bản": the documents library at /van-ban, managed by the editors of each unit.</summary>
public sealed class DocumentLibraryTests
{
    private const string AdminList = "/admin/van-ban";
    private const string CreateUrl = "/admin/van-ban/tao-moi";

    [Fact]
    public async Task EditorUploadsAPdf_FoundWithoutToneMarks_FilteredByTypeUnitAndYear_AndDownloadedAsAnAttachment()
    {
        using var app = new EditorAppFactory();
        var editor = await app.SignInEditorOfAsync("cho-lon");
        var pdf = DocumentTestHelpers.MinimalPdf();

        var created = await editor.PostDocumentAsync(CreateUrl, CreateUrl, DocumentTestHelpers.Fields(await app.UnitIdAsync("cho-lon")),
            ("Kế hoạch Đại đoàn kết.pdf", "application/pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await app.WithDbAsync(db => db.LegalDocuments.SingleAsync());
        Assert.Equal("Kế hoạch Đại đoàn kết.pdf", stored.FileName);

        // Search as residents type on a phone: no tone marks, no đ, any case.
        Assert.Equal(["Kế hoạch số 125/KH-UBND"], await ListedAsync(app, "/van-ban?q=DAI+doan+ket+toan+dan+toc"));
        Assert.Equal(["Kế hoạch số 125/KH-UBND"], await ListedAsync(app, "/van-ban?q=nguyen+van+duc"));
        Assert.Empty(await ListedAsync(app, "/van-ban?q=xay+dung+nong+thon"));
        Assert.Single(await ListedAsync(app, "/van-ban?loai=ke-hoach&nam=2025&don-vi=cho-lon"));
        Assert.Empty(await ListedAsync(app, "/van-ban?loai=quyet-dinh"));
        Assert.Empty(await ListedAsync(app, "/van-ban?nam=2024"));
        Assert.Empty(await ListedAsync(app, "/van-ban?don-vi=an-dong"));

        var (response, page) = await app.GetAsReaderAsync("/van-ban?q=dai+doan+ket");
        var detailUrl = page.QuerySelector("[data-test=document-item] a")!.GetAttribute("href")!;
        (response, page) = await app.GetAsReaderAsync(detailUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("125/KH-UBND", page.Text("[data-test=document-number]"));
        Assert.Contains("Nguyễn Văn Đức", page.Texts("[data-test=document-meta] dd"));
        Assert.Contains("15/08/2025", page.Texts("[data-test=document-meta] dd"));

        var download = await app.CreateBrowser().GetAsync(new Uri(page.QuerySelector("[data-test=document-download]")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Kế hoạch Đại đoàn kết.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("van-ban.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData("ghi-chu.pdf", "Day la tep van ban thuong, khong phai PDF.")]
    public async Task AFileThatIsNotAPdf_Is400WithTheMessageBesideTheField_TheFormKept_NothingSaved(string name, string content)
    {
        using var app = new EditorAppFactory();
        var editor = await app.SignInEditorOfAsync("cho-lon");

        var response = await editor.PostDocumentAsync(CreateUrl, CreateUrl, DocumentTestHelpers.Fields(await app.UnitIdAsync("cho-lon")),
            (name, "application/pdf", Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith($"Tệp “{name}” không phải là tệp PDF hợp lệ", page.Text("[data-test=error-File]"), StringComparison.Ordinal);
        Assert.Equal("125/KH-UBND", page.QuerySelector("[data-test=input-Number]")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.LegalDocuments.CountAsync()));
    }

    [Fact]
    public async Task MissingFieldsAndABadDate_Are400_WithEachVietnameseMessage()
    {
        using var app = new EditorAppFactory();
        var editor = await app.SignInEditorOfAsync("cho-lon");
        var fields = DocumentTestHelpers.Fields(await app.UnitIdAsync("cho-lon"));
        fields["Number"] = " ";
        fields["IssuedOn"] = "31/02/2025";

        var response = await editor.PostDocumentAsync(CreateUrl, CreateUrl, fields, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Vui lòng nhập số, ký hiệu văn bản.", page.Text("[data-test=error-Number]"));
        Assert.StartsWith("Ngày ban hành không hợp lệ", page.Text("[data-test=error-IssuedOn]"), StringComparison.Ordinal);
        Assert.Equal("Vui lòng chọn tệp PDF của văn bản.", page.Text("[data-test=error-File]"));
    }

    [Fact]
    public async Task AnEditorOfAnotherUnit_Gets403OnEveryAction_DoesNotSeeIt_AndCannotFileForThatUnit()
    {
        using var app = new EditorAppFactory();
        var owner = await app.SignInEditorOfAsync("cho-lon");
        var choLon = await app.UnitIdAsync("cho-lon");
        await owner.PostDocumentAsync(CreateUrl, CreateUrl, DocumentTestHelpers.Fields(choLon), ("a.pdf", "application/pdf", DocumentTestHelpers.MinimalPdf()));
        var id = await app.WithDbAsync(db => db.LegalDocuments.Select(d => d.Id).SingleAsync());
        var other = await app.SignInEditorOfAsync("an-dong");

        var (edit, _) = await Html.GetAsync(other, $"/admin/van-ban/{id}/sua");
        var editPost = await other.PostDocumentAsync(AdminList, $"/admin/van-ban/{id}/sua", DocumentTestHelpers.Fields(choLon, "999/QĐ-UBND"), null);
        var (confirm, _) = await Html.GetAsync(other, $"/admin/van-ban/{id}/xoa");
        var delete = await other.PostFormAsync(AdminList, $"/admin/van-ban/{id}/xoa", []);
        var (_, list) = await Html.GetAsync(other, AdminList);
        var create = await other.PostDocumentAsync(CreateUrl, CreateUrl, DocumentTestHelpers.Fields(choLon, "1/TB-UBND"), ("b.pdf", "application/pdf", DocumentTestHelpers.MinimalPdf()));

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Empty(list.QuerySelectorAll("[data-test=document-row]"));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal("Bạn chỉ được đăng văn bản của đơn vị mình phụ trách.", (await Html.ParseAsync(create)).Text("[data-test=error-Unit]"));
        Assert.Equal(["125/KH-UBND"], await app.WithDbAsync(db => db.LegalDocuments.Select(d => d.Number).ToListAsync()));

        // An administrator acts on every unit.
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var (adminEdit, _) = await Html.GetAsync(admin, $"/admin/van-ban/{id}/sua");
        Assert.Equal(HttpStatusCode.OK, adminEdit.StatusCode);
    }

    [Fact]
    public async Task TheOwnerEditsThenDeletesThroughTheConfirmPage_ThePublicPagesFollow_AndTheFileIsRemoved()
    {
        using var app = new EditorAppFactory();
        var editor = await app.SignInEditorOfAsync("cho-lon");
        var choLon = await app.UnitIdAsync("cho-lon");
        await editor.PostDocumentAsync(CreateUrl, CreateUrl, DocumentTestHelpers.Fields(choLon), ("a.pdf", "application/pdf", DocumentTestHelpers.MinimalPdf()));
        var id = await app.WithDbAsync(db => db.LegalDocuments.Select(d => d.Id).SingleAsync());
        Assert.Single(await ListedAsync(app, "/van-ban"));

        var fields = DocumentTestHelpers.Fields(choLon, "126/KH-UBND");
        fields["Type"] = "quyet-dinh";
        var edited = await editor.PostDocumentAsync($"/admin/van-ban/{id}/sua", $"/admin/van-ban/{id}/sua", fields, null);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(["Quyết định số 126/KH-UBND"], await ListedAsync(app, "/van-ban"));

        var (confirm, confirmPage) = await Html.GetAsync(editor, $"/admin/van-ban/{id}/xoa");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("Xóa văn bản?", confirmPage.Text("[data-test=confirm-heading]"));
        var storedPath = await app.WithDbAsync(db => db.LegalDocuments.Select(d => d.StoredPath).SingleAsync());

        var deleted = await editor.PostFormAsync($"/admin/van-ban/{id}/xoa", $"/admin/van-ban/{id}/xoa", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await ListedAsync(app, "/van-ban"));
        Assert.False(File.Exists(Path.Combine(app.UploadsPath, storedPath)));
        var (gone, _) = await app.GetAsReaderAsync($"/van-ban/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("/van-ban?loai=luat")]
    [InlineData("/van-ban?nam=hai-nghin")]
    [InlineData("/van-ban?don-vi=khong-co")]
    public async Task ABadFilter_Is400_NotAnError(string url)
    {
        using var app = new NewsAppFactory();

        var (response, _) = await app.GetAsReaderAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WebService_ListsAndFiltersDocuments_WithAnETag_And304OnRepeat()
    {
        using var app = new EditorAppFactory();
        var editor = await app.SignInEditorOfAsync("cho-lon");
        await editor.PostDocumentAsync(CreateUrl, CreateUrl, DocumentTestHelpers.Fields(await app.UnitIdAsync("cho-lon")), ("a.pdf", "application/pdf", DocumentTestHelpers.MinimalPdf()));
        var client = app.CreateBrowser();

        var list = await client.GetAsync(new Uri("/api/v1/documents?q=dai+doan+ket&unit=cho-lon&type=ke-hoach&year=2025", UriKind.Relative));
        var none = await client.GetAsync(new Uri("/api/v1/documents?year=2024", UriKind.Relative));
        var bad = await client.GetAsync(new Uri("/api/v1/documents?type=luat", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("125/KH-UBND", item.GetProperty("number").GetString());
        Assert.Equal("cho-lon", item.GetProperty("unit").GetProperty("slug").GetString());
        Assert.EndsWith("/tai-ve", item.GetProperty("fileUrl").GetString(), StringComparison.Ordinal);
        using var noneJson = JsonDocument.Parse(await none.Content.ReadAsStringAsync());
        Assert.Equal(0, noneJson.RootElement.GetProperty("totalItems").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var id = item.GetProperty("id").GetInt32();
        var one = await client.GetAsync(new Uri($"/api/v1/documents/{id}", UriKind.Relative));
        var etag = one.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{id}");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, etag.IsWeak));
        var repeat = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
    }

    private static async Task<IReadOnlyList<string>> ListedAsync(NewsAppFactory app, string url)
    {
        var (response, page) = await app.GetAsReaderAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.Texts("[data-test=document-item] a");
    }
}
