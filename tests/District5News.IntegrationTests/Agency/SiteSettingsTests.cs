using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using District5News.IntegrationTests.Admin.Administration;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Configurations;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Agency;

/// <summary>
/// Issue 12 §3: the site's name, governing body, responsibility line, default unit and contacts come from settings
/// an administrator edits (audited), and every page, feed and preview follows at once. Each test has its own app:
/// the settings are site-wide.
/// </summary>
public sealed class SiteSettingsTests
{
    [Fact]
    public async Task Seeded_PagesAndFeedNameTheDefaultWard()
    {
        using var app = new NewsAppFactory();

        var (_, home) = await app.GetAsReaderAsync("/");
        var feed = await ReadFeedAsync(app);

        Assert.Equal(SiteSettingsDefaults.SiteName, home.Text("[data-test=site-name]"));
        Assert.Equal(SiteSettingsDefaults.GoverningBody, home.Text("[data-test=governing-body]"));
        Assert.Equal(SiteSettingsDefaults.ResponsibilityLine, home.Text("[data-test=responsibility]"));
        Assert.EndsWith(SiteSettingsDefaults.SiteName, home.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Quận 5", home.QuerySelector(".site-header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SiteSettingsDefaults.SiteName, feed.Title.Text);
    }

    [Fact]
    public async Task Edit_AsAdministrator_HeaderFooterTitleFeedPreviewAndPrintShowTheNewValues_AndTheChangeIsAudited()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await app.GetAsReaderAsync("/");
        await ReadFeedAsync(app);

        var response = await admin.PostFormAsync("/admin/cai-dat", "/admin/cai-dat", AgencyForms.Settings());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, home) = await app.GetAsReaderAsync("/");
        Assert.Equal("Cổng thông tin điện tử Phường An Đông", home.Text("[data-test=site-name]"));
        Assert.Equal("Ủy ban nhân dân Phường An Đông", home.Text("[data-test=governing-body]"));
        Assert.Equal("Ủy ban nhân dân Phường An Đông – Cổng thông tin điện tử Phường An Đông", home.Text(".print-agency"));
        Assert.EndsWith("Cổng thông tin điện tử Phường An Đông", home.Title, StringComparison.Ordinal);
        Assert.Equal("Cổng thông tin điện tử Phường An Đông", home.Attr("meta[property='og:site_name']", "content"));
        Assert.Equal("Thông tin của Ủy ban nhân dân Phường An Đông, Thành phố Hồ Chí Minh.", home.Attr("meta[name=description]", "content"));
        Assert.Equal("Chịu trách nhiệm chính: Bà Nguyễn Thị Minh Thư, Chủ tịch Ủy ban nhân dân Phường An Đông", home.Text("[data-test=responsibility]"));
        Assert.Equal("tel:02838550001", home.Attr("[data-test=footer-phone]", "href"));
        Assert.Contains("203 An Dương Vương", home.Text("[data-test=footer-contacts]"), StringComparison.Ordinal);
        Assert.Equal("Cổng thông tin điện tử Phường An Đông", (await ReadFeedAsync(app)).Title.Text);

        // The default unit moved with it: /gioi-thieu now opens An Đông.
        var (_, about) = await app.GetAsReaderAsync("/gioi-thieu");
        Assert.Equal("Giới thiệu Phường An Đông", about.Text("[data-test=page-title]"));

        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.SettingsChanged));
        Assert.Equal(AuditTargets.Settings, entry.TargetType);
        Assert.StartsWith("administrator-", entry.UserName, StringComparison.Ordinal);
        Assert.Contains($"“{SiteSettingsDefaults.SiteName}” → “Cổng thông tin điện tử Phường An Đông”", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_BadInput_Is400_WithEachMessageBesideItsField_TypedValuesKept_NothingSaved()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var fields = AgencyForms.Settings();
        fields["SiteName"] = "   ";
        fields["Email"] = "ubnd phuong@";
        fields["Phone"] = "gọi số 1022";
        fields["DefaultUnit"] = "quan-5";
        fields["ResponsibilityLine"] = new string('x', 301);

        var response = await admin.PostFormAsync("/admin/cai-dat", "/admin/cai-dat", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Vui lòng nhập tên trang.", page.Text("[data-test=error-SiteName]"));
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ", page.Text("[data-test=error-Email]"), StringComparison.Ordinal);
        Assert.Contains("Số điện thoại chỉ gồm chữ số", page.Text("[data-test=error-Phone]"), StringComparison.Ordinal);
        Assert.Equal("Đơn vị mặc định phải là một đơn vị đang hoạt động trong danh sách.", page.Text("[data-test=error-DefaultUnit]"));
        Assert.Contains("dài tối đa 300 ký tự", page.Text("[data-test=error-ResponsibilityLine]"), StringComparison.Ordinal);
        Assert.Equal("gọi số 1022", page.Attr("[data-test=input-Phone]", "value"));
        Assert.Equal("true", page.Attr("[data-test=input-Email]", "aria-invalid"));
        Assert.DoesNotContain(page.QuerySelectorAll("#DefaultUnit option").Select(o => o.GetAttribute("value")), v => v == "quan-5");

        var settings = await app.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal(SiteSettingsDefaults.SiteName, settings.SiteName);
        Assert.Null(settings.Phone);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SettingsChanged)));
    }

    [Fact]
    public async Task Editor_GetsThe403Page_AndTheirPostChangesNothing()
    {
        using var app = new NewsAppFactory();
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var page = await editor.GetAsync(new Uri("/admin/cai-dat", UriKind.Relative));
        var post = await editor.PostFormAsync("/admin", "/admin/cai-dat", AgencyForms.Settings("Không được đổi"));

        await AgencyForms.AssertForbiddenAsync(editor, page);
        await AgencyForms.AssertForbiddenAsync(editor, post);
        Assert.Equal(SiteSettingsDefaults.SiteName, await app.WithDbAsync(db => db.SiteSettings.Select(s => s.SiteName).SingleAsync()));
        var (_, adminMenu) = await Html.GetAsync(editor, "/admin");
        Assert.DoesNotContain(adminMenu.QuerySelectorAll("[data-test=admin-menu] a"), a => a.GetAttribute("href") == "/admin/cai-dat");
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var app = new NewsAppFactory();

        var response = await app.CreateBrowser().GetAsync(new Uri("/admin/cai-dat", UriKind.Relative));

        Assert.StartsWith("/tai-khoan/dang-nhap", response.RedirectTarget(), StringComparison.Ordinal);
    }

    private static async Task<SyndicationFeed> ReadFeedAsync(NewsAppFactory app)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/rss", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }
}
