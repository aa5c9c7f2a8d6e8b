using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>Who may open each editor page and send each editor POST.</summary>
public sealed class EditorAccessTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    public static TheoryData<string> Pages() =>
    [
        "/admin/bai-viet", "/admin/bai-viet/tao-moi", "/admin/bai-viet/1/sua", "/admin/bai-viet/1/lich-su", "/admin/bai-viet/1/lich-su/1",
        "/admin/bai-viet/thung-rac", "/admin/bai-viet/1/xoa", "/admin/bai-viet/thung-rac/1/xoa-han", "/admin/bai-viet/thung-rac/don-sach",
        "/admin/chuyen-muc", "/admin/chuyen-muc/1/doi-ten", "/admin/thong-ke/xlsx",
    ];

    public static TheoryData<string> Posts() =>
    [
        "/admin/bai-viet/tao-moi", "/admin/bai-viet/1/sua", "/admin/bai-viet/xem-truoc", "/admin/bai-viet/1/xem-truoc", "/admin/bai-viet/1/xoa", "/admin/bai-viet/1/lich-su/1/khoi-phuc",
        "/admin/bai-viet/thung-rac/1/khoi-phuc", "/admin/bai-viet/thung-rac/1/xoa-han", "/admin/bai-viet/thung-rac/don-sach",
        "/admin/chuyen-muc/tao-moi", "/admin/chuyen-muc/1/doi-ten", "/admin/chuyen-muc/1/thu-tu", "/admin/chuyen-muc/1/hien-thi",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_EditorPage_IsSentToSignIn(string url)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/dang-nhap?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Anonymous_EditorPost_IsSentToSignInAndChangesNothing(string url)
    {
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Không được phép" });

        var response = await app.CreateBrowser().PostAsync(new Uri(url, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/dang-nhap", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Staff_EditorPages_Open(string role)
    {
        var staff = await app.SignInAsync(role);
        var id = await EditorForms.CreateAsync(staff, "Bản tin để mở các trang");
        await EditorForms.SubmitAsync(staff, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Bản tin để mở các trang (sửa)" }, "publish");
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).FirstAsync());

        foreach (var url in new[]
        {
            "/admin/bai-viet", "/admin/bai-viet/tao-moi", EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/lich-su",
            $"/admin/bai-viet/{id}/lich-su/{revisionId}", "/admin/bai-viet/thung-rac",
        })
        {
            var (response, page) = await Html.GetAsync(staff, url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task Editor_CanCreateEditDeleteAndRestoreRevisions()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin của biên tập viên");

        var edit = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Bản tin của biên tập viên (sửa)" }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).SingleAsync());
        var restore = await editor.PostFormAsync($"/admin/bai-viet/{id}/lich-su/{revisionId}", $"/admin/bai-viet/{id}/lich-su/{revisionId}/khoi-phuc", []);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var delete = await editor.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);

        Assert.NotNull(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.DeletedAtUtc).SingleAsync()));
    }

    [Theory]
    [InlineData("xoa-han")]
    [InlineData("don-sach")]
    public async Task Editor_TrashPurge_IsForbiddenWithVietnamesePage(string action)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, $"Bản tin trong thùng rác {action}");
        await editor.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);
        var url = action == "don-sach" ? "/admin/bai-viet/thung-rac/don-sach" : $"/admin/bai-viet/thung-rac/{id}/{action}";

        var response = await editor.PostFormAsync(EditorForms.CreateUrl, url, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var denied = await editor.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("không có quyền", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stillInTrash = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.DeletedAtUtc).SingleAsync());
        Assert.NotNull(stillInTrash);
    }

    [Fact]
    public async Task Editor_TrashPage_ShowsRestoreButNoPurgeButtons()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin biên tập viên xóa");
        await editor.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);

        var (_, page) = await Html.GetAsync(editor, "/admin/bai-viet/thung-rac");

        Assert.NotNull(page.QuerySelector($"[data-test=trash-row][data-id='{id}']"));
        Assert.NotNull(page.QuerySelector($"[data-test=trash-row][data-id='{id}'] [data-test=restore]"));
        Assert.Null(page.QuerySelector("[data-test=purge]"));
        Assert.Null(page.QuerySelector("[data-test=empty-trash]"));
        Assert.Contains("Chỉ quản trị viên mới xóa hẳn", page.Text("[data-test=trash-note]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_CanRestoreFromTrash()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var id = await EditorForms.CreateAsync(admin, "Bản tin quản trị viên khôi phục");
        await admin.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);

        var response = await admin.PostFormAsync("/admin/bai-viet/thung-rac", $"/admin/bai-viet/thung-rac/{id}/khoi-phuc", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.DeletedAtUtc).SingleAsync()));
    }

    [Theory]
    [InlineData("/admin/bai-viet/tao-moi")]
    [InlineData("/admin/bai-viet/{id}/sua")]
    [InlineData("/admin/bai-viet/{id}/xoa")]
    public async Task Post_WithoutAntiforgeryToken_IsRejected(string urlTemplate)
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin chống giả mạo");
        var fields = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        fields.Remove("__RequestVerificationToken");
        fields["Input.Title"] = "Tiêu đề giả mạo";
        fields["Input.Intent"] = "publish";

        var response = await EditorForms.PostAsync(editor, urlTemplate.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var article = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => new { a.Title, a.DeletedAtUtc }).SingleAsync());
        Assert.Equal("Bản tin chống giả mạo", article.Title);
        Assert.Null(article.DeletedAtUtc);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Tiêu đề giả mạo")));
    }
}
