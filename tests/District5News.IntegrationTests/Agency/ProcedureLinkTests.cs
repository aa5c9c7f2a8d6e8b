using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Agency;

/// <summary>Issue 12 §2 "Thủ tục hành chính / Dịch vụ công": links an administrator manages, on /thu-tuc-hanh-chinh.</summary>
public sealed class ProcedureLinkTests
{
    [Fact]
    public async Task PublicPage_ListsTheSeededPortalsFirst_AsMarkedExternalLinks()
    {
        using var app = new NewsAppFactory();

        var (response, page) = await app.GetAsReaderAsync("/thu-tuc-hanh-chinh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Cổng dịch vụ công", "Thủ tục người dân thường hỏi"], page.Texts("[data-test=procedure-group] h2"));
        var first = page.QuerySelector("[data-test=procedure-link] a")!;
        Assert.Equal("https://dichvucong.gov.vn/", first.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("[data-test=procedure-link] a"), a =>
        {
            Assert.Contains("noopener", a.GetAttribute("rel")!.Split(' '));
            Assert.Contains("external", a.GetAttribute("rel")!.Split(' '));
            Assert.Contains("(trang ngoài, mở trong thẻ mới)", a.TextContent, StringComparison.Ordinal);
        });
        Assert.Equal("dichvucong.gov.vn", page.Text("[data-test=procedure-link] .link-host"));
    }

    [Fact]
    public async Task Administrator_AddsEditsAndDeletesALink_ResidentsSeeEachChange_AndEachIsAudited()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await app.GetAsReaderAsync("/thu-tuc-hanh-chinh");

        var created = await admin.PostFormAsync("/admin/thu-tuc-hanh-chinh", "/admin/thu-tuc-hanh-chinh/tao-moi", new()
        {
            ["Title"] = "Đăng ký kết hôn",
            ["Url"] = "https://dichvucong.hochiminhcity.gov.vn/ket-hon",
            ["Group"] = "Hộ tịch",
            ["SortOrder"] = "5",
            ["Description"] = "Nộp hồ sơ trực tuyến.",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, page) = await app.GetAsReaderAsync("/thu-tuc-hanh-chinh");
        Assert.Equal("Hộ tịch", page.Texts("[data-test=procedure-group] h2")[0]);
        var id = await app.WithDbAsync(db => db.ProcedureLinks.Where(l => l.Title == "Đăng ký kết hôn").Select(l => l.Id).SingleAsync());

        var edited = await admin.PostFormAsync($"/admin/thu-tuc-hanh-chinh/{id}/sua", $"/admin/thu-tuc-hanh-chinh/{id}/sua", new()
        {
            ["Title"] = "Đăng ký kết hôn trực tuyến",
            ["Url"] = "https://dichvucong.gov.vn/ket-hon",
            ["Group"] = "Hộ tịch",
            ["SortOrder"] = "500",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        (_, page) = await app.GetAsReaderAsync("/thu-tuc-hanh-chinh");
        Assert.Equal("Hộ tịch", page.Texts("[data-test=procedure-group] h2")[^1]);
        Assert.Contains(page.QuerySelectorAll("[data-test=procedure-link] a"), a => a.GetAttribute("href") == "https://dichvucong.gov.vn/ket-hon");

        var deleted = await admin.PostFormAsync("/admin/thu-tuc-hanh-chinh", $"/admin/thu-tuc-hanh-chinh/{id}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        (_, page) = await app.GetAsReaderAsync("/thu-tuc-hanh-chinh");
        Assert.DoesNotContain("Hộ tịch", page.Texts("[data-test=procedure-group] h2"));

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.TargetType == AuditTargets.ProcedureLink).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.ProcedureLinkCreated, AuditActions.ProcedureLinkEdited, AuditActions.ProcedureLinkDeleted], actions);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://dichvucong.gov.vn/")]
    [InlineData("dichvucong.gov.vn")]
    [InlineData("https://nguoi:matkhau@dichvucong.gov.vn/")]
    public async Task Create_AnAddressThatIsNotHttpOrHttps_Is400WithTheMessage_NothingSaved(string url)
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var before = await app.WithDbAsync(db => db.ProcedureLinks.CountAsync());

        var response = await admin.PostFormAsync("/admin/thu-tuc-hanh-chinh", "/admin/thu-tuc-hanh-chinh/tao-moi", new()
        {
            ["Title"] = "Liên kết lạ",
            ["Url"] = url,
            ["Group"] = "Khác",
            ["SortOrder"] = "1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://", page.Text("[data-test=error-Url]"), StringComparison.Ordinal);
        Assert.Equal(url, page.Attr("[data-test=input-Url]", "value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.ProcedureLinks.CountAsync()));
    }

    [Fact]
    public async Task Create_MissingTitleOrGroup_AndABadOrder_Are400_WithEachMessage()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var response = await admin.PostFormAsync("/admin/thu-tuc-hanh-chinh", "/admin/thu-tuc-hanh-chinh/tao-moi", new()
        {
            ["Title"] = "",
            ["Url"] = "https://dichvucong.gov.vn/",
            ["Group"] = " ",
            ["SortOrder"] = "đầu tiên",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Vui lòng nhập tiêu đề liên kết.", page.Text("[data-test=error-Title]"));
        Assert.Equal("Vui lòng nhập nhóm.", page.Text("[data-test=error-Group]"));
        Assert.StartsWith("Thứ tự là một số nguyên", page.Text("[data-test=error-SortOrder]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_Get403_AndUnknownLinksAre404()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var editorList = await editor.GetAsync(new Uri("/admin/thu-tuc-hanh-chinh", UriKind.Relative));
        var editorDelete = await editor.PostFormAsync("/admin", "/admin/thu-tuc-hanh-chinh/1/xoa", []);
        var (missing, _) = await Html.GetAsync(admin, "/admin/thu-tuc-hanh-chinh/999/sua");
        var missingDelete = await admin.PostFormAsync("/admin/thu-tuc-hanh-chinh", "/admin/thu-tuc-hanh-chinh/999/xoa", []);

        await AgencyForms.AssertForbiddenAsync(editor, editorList);
        await AgencyForms.AssertForbiddenAsync(editor, editorDelete);
        Assert.True(await app.WithDbAsync(db => db.ProcedureLinks.AnyAsync(l => l.Id == 1)));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingDelete.StatusCode);
    }
}
