using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Configurations;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Agency;

/// <summary>
/// Issue 12 §2 "Giới thiệu / Liên hệ": each current unit's functions, organisation, leaders and contacts, edited by an
/// administrator as plain text, on /gioi-thieu, /lien-he (the default unit, or /…/{slug}) and in English on /en.
/// </summary>
public sealed class UnitProfileTests
{
    private const string AnDongEdit = "/admin/gioi-thieu/3/sua";

    private static Dictionary<string, string> AnDongProfile() => new()
    {
        ["Functions"] = "Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở phường.\nThực hiện nhiệm vụ do Thành phố giao.\n\n<script>alert('x')</script> không phải là mã.",
        ["Organisation"] = "Văn phòng HĐND và UBND\nPhòng Kinh tế, Hạ tầng và Đô thị",
        ["Address"] = "203 An Dương Vương, Phường An Đông, Thành phố Hồ Chí Minh",
        ["Phone"] = "(028) 3855 1234",
        ["Fax"] = "028 3855 1235",
        ["Email"] = "ubnd.andong@tphcm.gov.vn",
        ["Hotline"] = "0909 123 456",
        ["ContactName"] = "Lê Văn Bình",
        ["ContactPosition"] = "Chánh Văn phòng",
        ["ContactPhone"] = "0908 111 222",
        ["ContactEmail"] = "lvbinh@tphcm.gov.vn",
        ["NameEn"] = "People's Committee of An Dong Ward",
        ["FunctionsEn"] = "The state administrative body of the ward.",
        ["AddressEn"] = "203 An Duong Vuong Street, An Dong Ward, Ho Chi Minh City",
        ["ContactPositionEn"] = "Chief of Office",
        ["Leaders[0].Name"] = "Nguyễn Thị Minh Thư",
        ["Leaders[0].Position"] = "Chủ tịch",
        ["Leaders[0].PositionEn"] = "Chairperson",
        ["Leaders[1].Name"] = "",
        ["Leaders[1].Position"] = "",
        ["Leaders[2].Name"] = "Trần Quốc Hùng",
        ["Leaders[2].Position"] = "Phó Chủ tịch",
    };

    [Fact]
    public async Task Edit_ThenResidentsReadIt_ContactsAsLinks_TextEncodedWithItsLineBreaks_LeadersInOrder_Audited()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await app.GetAsReaderAsync("/lien-he/an-dong");

        var saved = await admin.PostFormAsync(AnDongEdit, AnDongEdit, AnDongProfile());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (contactResponse, contact) = await app.GetAsReaderAsync("/lien-he/an-dong");
        Assert.Equal(HttpStatusCode.OK, contactResponse.StatusCode);
        Assert.Equal("Liên hệ Phường An Đông", contact.Text("[data-test=page-title]"));
        Assert.Equal("tel:02838551234", contact.Attr("[data-test=phone]", "href"));
        Assert.Equal("(028) 3855 1234", contact.Text("[data-test=phone]"));
        Assert.Equal("tel:0909123456", contact.Attr("[data-test=hotline]", "href"));
        Assert.Equal("mailto:ubnd.andong@tphcm.gov.vn", contact.Attr("[data-test=email]", "href"));
        Assert.Equal("Lê Văn Bình", contact.Text("[data-test=contact-name]"));

        var (_, about) = await app.GetAsReaderAsync("/gioi-thieu/an-dong");
        var functions = about.QuerySelector("[data-test=functions]")!;
        Assert.Equal(2, functions.QuerySelectorAll("p").Length);
        Assert.Single(functions.QuerySelectorAll("p")[0].QuerySelectorAll("br"));
        Assert.Empty(about.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert('x')</script> không phải là mã.", functions.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Nguyễn Thị Minh ThưChủ tịch", "Trần Quốc HùngPhó Chủ tịch"], about.Texts("[data-test=leader]"));

        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.UnitProfileChanged));
        Assert.Equal("3", entry.TargetId);
        Assert.Contains("Phường An Đông", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboutAndContact_OpenTheDefaultUnit_OfferTheOtherCurrentWards_AndRefuseTheArchiveAndOldWards()
    {
        using var app = new NewsAppFactory();

        var (_, about) = await app.GetAsReaderAsync("/gioi-thieu");
        var (_, contact) = await app.GetAsReaderAsync("/lien-he");
        var defaultUnit = await app.CreateBrowser().GetAsync(new Uri("/lien-he/cho-lon", UriKind.Relative));
        var (archive, archivePage) = await app.GetAsReaderAsync("/gioi-thieu/quan-5");
        var (oldWard, _) = await app.GetAsReaderAsync("/lien-he/phuong-11");

        Assert.Equal("Giới thiệu Phường Chợ Lớn", about.Text("[data-test=page-title]"));
        Assert.Equal("Liên hệ Phường Chợ Lớn", contact.Text("[data-test=page-title]"));
        Assert.Equal(
            [("Phường Chợ Quán", "/gioi-thieu/cho-quan"), ("Phường An Đông", "/gioi-thieu/an-dong"), ("Phường Chợ Lớn", "/gioi-thieu")],
            about.QuerySelectorAll("[data-test=unit-picker] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))));
        Assert.Equal("page", about.Attr("[data-test=unit-picker] a[data-slug=cho-lon]", "aria-current"));
        Assert.Equal("/lien-he/an-dong", contact.Attr("[data-test=unit-picker] a[data-slug=an-dong]", "href"));
        Assert.Equal("Chưa cập nhật.", contact.Text("[data-test=not-yet]"));
        Assert.Equal(HttpStatusCode.MovedPermanently, defaultUnit.StatusCode);
        Assert.Equal("/lien-he", defaultUnit.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        Assert.Contains("Không tìm thấy đơn vị này", archivePage.Text("[data-test=error-message]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, oldWard.StatusCode);
    }

    [Fact]
    public async Task Footer_WithoutPortalContacts_ShowsTheDefaultUnitsContacts()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var (_, before) = await app.GetAsReaderAsync("/");

        var profile = AnDongProfile();
        profile["Phone"] = "028 3855 9999";
        await admin.PostFormAsync("/admin/gioi-thieu/4/sua", "/admin/gioi-thieu/4/sua", profile);

        Assert.Null(before.QuerySelector("[data-test=footer-contacts]"));
        var (_, after) = await app.GetAsReaderAsync("/");
        Assert.Equal("tel:02838559999", after.Attr("[data-test=footer-phone]", "href"));
        Assert.Equal(SiteSettingsDefaults.ResponsibilityLine, after.Text("[data-test=responsibility]"));
    }

    [Fact]
    public async Task English_IsAnEnglishDocument_WithEachWardsEnglishNameOrganisationAndContacts()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await admin.PostFormAsync(AnDongEdit, AnDongEdit, AnDongProfile());

        var (response, page) = await app.GetAsReaderAsync("/en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.EndsWith(SiteSettingsDefaults.SiteNameEn, page.Title, StringComparison.Ordinal);
        Assert.Equal(SiteSettingsDefaults.ResponsibilityLineEn, page.Text("[data-test=responsibility]"));
        Assert.Equal(
            ["People's Committee of Cho Quan Ward", "People's Committee of An Dong Ward", "People's Committee of Cho Lon Ward"],
            page.QuerySelectorAll("[data-test=unit-en] h2").Select(h => h.TextContent.Trim()));
        var anDong = page.QuerySelector("[data-test=unit-en][data-slug=an-dong]")!;
        Assert.Contains("The state administrative body of the ward.", anDong.TextContent, StringComparison.Ordinal);
        Assert.Contains("203 An Duong Vuong Street", anDong.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nguyễn Thị Minh Thư, Chairperson", anDong.QuerySelector("[data-test=leader-en]")!.TextContent.Trim());
        Assert.Equal("tel:02838551234", anDong.QuerySelector("[data-test=phone-en]")!.GetAttribute("href"));
        Assert.Equal("vi", page.Attr("[data-test=vietnamese]", "lang"));
    }

    [Fact]
    public async Task Edit_BadInput_Is400_WithMessages_NothingSaved()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var profile = AnDongProfile();
        profile["Leaders[2].Position"] = "";
        profile["Email"] = "khong-phai-email";
        profile["Hotline"] = "một không hai hai";
        profile["Functions"] = new string('a', 4001);

        var response = await admin.PostFormAsync(AnDongEdit, AnDongEdit, profile);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Vui lòng nhập chức vụ của lãnh đạo ở dòng 3.", page.Text("[data-test=error-Leaders_2__Position]"));
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ", page.Text("[data-test=error-Email]"), StringComparison.Ordinal);
        Assert.Contains("Đường dây nóng chỉ gồm chữ số", page.Text("[data-test=error-Hotline]"), StringComparison.Ordinal);
        Assert.Contains("dài tối đa 4.000 ký tự", page.Text("[data-test=error-Functions]"), StringComparison.Ordinal);
        Assert.Equal("Trần Quốc Hùng", page.Attr("[data-test=input-Leaders_2__Name]", "value"));
        Assert.Null(await app.WithDbAsync(db => db.UnitProfiles.Where(p => p.UnitId == 3).Select(p => p.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Edit_UnknownOrEndedUnit_Is404_AndEditorsGet403()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var (unknown, _) = await Html.GetAsync(admin, "/admin/gioi-thieu/999/sua");
        var (archive, _) = await Html.GetAsync(admin, "/admin/gioi-thieu/1/sua");
        var editorGet = await editor.GetAsync(new Uri(AnDongEdit, UriKind.Relative));
        var editorPost = await editor.PostFormAsync("/admin", AnDongEdit, AnDongProfile());

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        await AgencyForms.AssertForbiddenAsync(editor, editorGet);
        await AgencyForms.AssertForbiddenAsync(editor, editorPost);
        Assert.Null(await app.WithDbAsync(db => db.UnitProfiles.Where(p => p.UnitId == 3).Select(p => p.Phone).SingleAsync()));
    }
}
