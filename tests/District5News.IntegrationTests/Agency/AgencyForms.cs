using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Admin.Administration;
using District5News.IntegrationTests.Infrastructure;

namespace District5News.IntegrationTests.Agency;

/// <summary>The settings and profile forms as an administrator fills them, and the 403 an editor gets.</summary>
internal static class AgencyForms
{
    public static Dictionary<string, string> Settings(string siteName = "Cổng thông tin điện tử Phường An Đông") => new()
    {
        ["SiteName"] = siteName,
        ["GoverningBody"] = "Ủy ban nhân dân Phường An Đông",
        ["ResponsibilityLine"] = "Chịu trách nhiệm chính: Bà Nguyễn Thị Minh Thư, Chủ tịch Ủy ban nhân dân Phường An Đông",
        ["Description"] = "Thông tin của Ủy ban nhân dân Phường An Đông, Thành phố Hồ Chí Minh.",
        ["DefaultUnit"] = "an-dong",
        ["Address"] = "203 An Dương Vương, Phường An Đông",
        ["Phone"] = "028 3855 0001",
        ["Email"] = "ubnd.andong@tphcm.gov.vn",
        ["Hotline"] = "0909 000 111",
        ["SiteNameEn"] = "An Dong Ward Web Portal",
        ["GoverningBodyEn"] = "People's Committee of An Dong Ward",
        ["ResponsibilityLineEn"] = "Responsible for the content: Ms Nguyen Thi Minh Thu, Chairperson",
    };

    /// <summary>An editor asking for an administrator's page is sent to the Vietnamese 403 page.</summary>
    public static async Task AssertForbiddenAsync(HttpClient editor, HttpResponseMessage response)
    {
        var target = response.RedirectTarget();
        Assert.StartsWith("/tai-khoan/khong-co-quyen", target, StringComparison.Ordinal);
        var (denied, document) = await Html.GetAsync(editor, target);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Không có quyền truy cập", document.Text("h1"));
    }

    public static string? Attr(this IDocument page, string selector, string attribute) => page.QuerySelector(selector)?.GetAttribute(attribute);
}
