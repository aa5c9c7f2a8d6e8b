using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Administration;

/// <summary>
/// Issue 13 §4: categories managed in the admin area — create, rename (the old address answers 301), reorder, hide —
/// checked on the public pages residents see. Each test has its own app: categories are site-wide.
/// </summary>
public sealed class CategoryAdministrationTests
{
    [Fact]
    public async Task Create_AddsTheCategoryToTheMenuAtTheEnd()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var response = await admin.PostFormAsync("/admin/chuyen-muc", "/admin/chuyen-muc/tao-moi", new() { ["Name"] = "Chuyển đổi số" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, list) = await Html.GetAsync(admin, "/admin/chuyen-muc");
        Assert.Contains("/chuyen-muc/chuyen-doi-so", list.Text("[data-test=flash]"), StringComparison.Ordinal);
        var menu = await MenuAsync(app);
        Assert.Equal(("Chuyển đổi số", "/chuyen-muc/chuyen-doi-so"), menu[^1]);
        var (page, _) = await app.GetAsReaderAsync("/chuyen-muc/chuyen-doi-so");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Create_NameOfAnExistingCategory_Is409WithTheMessageOnceBesideTheField()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var response = await admin.PostFormAsync("/admin/chuyen-muc", "/admin/chuyen-muc/tao-moi", new() { ["Name"] = "THÔNG BAO" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);
        Assert.Contains("Đã có chuyên mục “Thông báo”", page.Text("[data-test=error-Name]"), StringComparison.Ordinal);
        Assert.Single(html.Split("Đã có chuyên mục", StringSplitOptions.None).Skip(1));
        Assert.Equal("THÔNG BAO", page.QuerySelector("[data-test=category-name-input]")!.GetAttribute("value"));
        Assert.Equal(6, await app.WithDbAsync(db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task Rename_OldAddressAnswers301ToTheNewOne_AndRenamingBackWorks()
    {
        using var app = new ReaderSiteFactory();
        await app.InitializeAsync();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var rename = await admin.PostFormAsync("/admin/chuyen-muc/2/doi-ten", "/admin/chuyen-muc/2/doi-ten", new() { ["Name"] = "Tin các phường" });

        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        var old = await app.CreateBrowser().GetAsync(new Uri("/chuyen-muc/tin-phuong?page=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/chuyen-muc/tin-cac-phuong", old.Headers.Location!.OriginalString);
        var (renamed, page) = await app.GetAsReaderAsync("/chuyen-muc/tin-cac-phuong");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains(("Tin các phường", "/chuyen-muc/tin-cac-phuong"), await MenuAsync(app));
        Assert.Contains(app.TuyenGiao.Title, page.Texts("[data-test=article-item] .article-link"));

        // A second page of the old address keeps its page.
        await admin.PostFormAsync("/admin/chuyen-muc/1/doi-ten", "/admin/chuyen-muc/1/doi-ten", new() { ["Name"] = "Tin của quận" });
        var oldPaged = await app.CreateBrowser().GetAsync(new Uri("/chuyen-muc/ban-tin-quan?page=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, oldPaged.StatusCode);
        Assert.Equal("/chuyen-muc/tin-cua-quan?page=2", oldPaged.Headers.Location!.OriginalString);

        // Back to the first name: that address shows the category again, and the second name's address now redirects.
        await admin.PostFormAsync("/admin/chuyen-muc/2/doi-ten", "/admin/chuyen-muc/2/doi-ten", new() { ["Name"] = "Tin phường" });
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync(new Uri("/chuyen-muc/tin-phuong", UriKind.Relative))).StatusCode);
        var second = await app.CreateBrowser().GetAsync(new Uri("/chuyen-muc/tin-cac-phuong", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, second.StatusCode);
        Assert.Equal("/chuyen-muc/tin-phuong", second.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Hide_TakesTheCategoryOffThePublicPages_ItsBulletinsStayReadable()
    {
        using var app = new ReaderSiteFactory();
        await app.InitializeAsync();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        Assert.Contains(("Tin phường", "/chuyen-muc/tin-phuong"), await MenuAsync(app));

        var hide = await admin.PostFormAsync("/admin/chuyen-muc", "/admin/chuyen-muc/2/hien-thi", new() { ["hidden"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        var (_, home) = await app.GetAsReaderAsync("/");
        Assert.DoesNotContain("Tin phường", home.QuerySelectorAll("nav a, [data-test=home-section] h2").Select(a => a.TextContent.Trim()));
        Assert.Null(home.QuerySelector("a[href='/chuyen-muc/tin-phuong']"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsReaderAsync("/chuyen-muc/tin-phuong")).Response.StatusCode);
        var (article, articlePage) = await app.GetAsReaderAsync($"/tin-tuc/{app.TuyenGiao.Id}/{app.TuyenGiao.Slug}");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Equal("Tin phường", articlePage.Text("[data-test=category]"));
        Assert.Null(articlePage.QuerySelector("a[href='/chuyen-muc/tin-phuong']"));
        var (_, list) = await Html.GetAsync(admin, "/admin/chuyen-muc");
        Assert.Equal("Đang ẩn", list.Text("[data-test=category-row][data-id='2'] [data-test=category-state]"));

        await admin.PostFormAsync("/admin/chuyen-muc", "/admin/chuyen-muc/2/hien-thi", new() { ["hidden"] = "false" });
        Assert.Contains(("Tin phường", "/chuyen-muc/tin-phuong"), await MenuAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsReaderAsync("/chuyen-muc/tin-phuong")).Response.StatusCode);
    }

    [Fact]
    public async Task Move_ChangesTheMenuOrder()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var before = (await MenuAsync(app)).Select(m => m.Name).ToList();

        var response = await admin.PostFormAsync("/admin/chuyen-muc", "/admin/chuyen-muc/3/thu-tu", new() { ["direction"] = "len" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Trang chủ", "Bản tin quận", "Tin phường", "Thông báo"], before[..4]);
        Assert.Equal(["Trang chủ", "Bản tin quận", "Thông báo", "Tin phường"], (await MenuAsync(app)).Select(m => m.Name).Take(4));
        var bad = await admin.PostFormAsync("/admin/chuyen-muc", "/admin/chuyen-muc/3/thu-tu", new() { ["direction"] = "ngang" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Editor_CannotManageCategories()
    {
        using var app = new NewsAppFactory();
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var page = await editor.GetAsync(new Uri("/admin/chuyen-muc", UriKind.Relative));
        var post = await editor.PostFormAsync("/admin/bai-viet", "/admin/chuyen-muc/tao-moi", new() { ["Name"] = "Không được tạo" });

        Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(6, await app.WithDbAsync(db => db.Categories.CountAsync()));
    }

    private static async Task<List<(string Name, string Href)>> MenuAsync(NewsAppFactory app)
    {
        var (_, home) = await app.GetAsReaderAsync("/");
        return home.QuerySelectorAll(".site-nav .menu a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();
    }
}
