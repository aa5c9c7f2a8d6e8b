using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Admin.Administration;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Residents;

/// <summary>
/// Issue 11 §6: an administrator puts up a site-wide notice; it shows on every public page from its start to its end,
/// to the second, on pages the cache holds too; residents' screen readers are told; bad input is refused in Vietnamese.
/// The clock stands at 20/11/2026 10:00 Vietnam time. Each test has its own app: notices are site-wide.
/// </summary>
public sealed class EmergencyNoticeTests
{
    private const string Notices = "/admin/thong-bao-khan";
    private const string Create = "/admin/thong-bao-khan/tao-moi";

    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2026, 11, 20, hour, minute, second, TimeSpan.FromHours(7));

    private static Dictionary<string, string> Form(string level, string text, string start, string end, string link = "")
    {
        static (string Date, string Time) Split(string typed) =>
            typed.Split(' ') is [var date, var time] ? (date, time) : (typed, string.Empty);
        var (startDate, startTime) = Split(start);
        var (endDate, endTime) = Split(end);
        return new()
        {
            ["Level"] = level, ["Text"] = text, ["Link"] = link,
            ["StartDate"] = startDate, ["StartTime"] = startTime, ["EndDate"] = endDate, ["EndTime"] = endTime,
        };
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, Dictionary<string, string> form) =>
        await admin.PostFormAsync(Create, Create, form);

    private static async Task<IDocument> PageAsync(NewsAppFactory app, string url, bool cached)
    {
        var (response, page) = await app.GetAsReaderAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cached, response.Headers.Contains("Age"));
        return page;
    }

    private static List<string> Shown(IDocument page) =>
        page.QuerySelectorAll("[data-test=site-notice-text]").Select(p => string.Join(' ', p.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))).ToList();

    [Fact]
    public async Task Notice_AppearsAtItsStartAndGoesAtItsEnd_ToTheSecond_EvenOnCachedPages()
    {
        using var app = new ReaderSiteFactory();
        await app.InitializeAsync();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var article = $"/tin-tuc/{app.Evening.Id}/{app.Evening.Slug}";

        var created = await CreateAsync(admin, Form("khan-cap", "Triều cường dâng cao, hạn chế đi qua đường Trần Hưng Đạo.",
            "20/11/2026 10:30", "20/11/2026 11:00", "https://www.hochiminhcity.gov.vn/trieu-cuong"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // Before its start: no notice, and the page comes from the cache.
        Assert.Empty(Shown(await PageAsync(app, "/", cached: false)));
        Assert.Empty(Shown(await PageAsync(app, article, cached: false)));
        app.Clock.Set(At(10, 29, 59));
        Assert.Empty(Shown(await PageAsync(app, "/", cached: true)));
        Assert.Empty(Shown(await PageAsync(app, article, cached: true)));

        // At its start, to the second: on the cached pages too.
        app.Clock.Set(At(10, 30));
        var home = await PageAsync(app, "/", cached: false);
        Assert.Equal(["Khẩn cấp: Triều cường dâng cao, hạn chế đi qua đường Trần Hưng Đạo. Xem chi tiết"], Shown(home));
        Assert.Equal("alert", home.QuerySelector("[data-test=site-notice-text]")!.GetAttribute("role"));
        Assert.Equal("https://www.hochiminhcity.gov.vn/trieu-cuong", home.QuerySelector("[data-test=site-notice-link]")!.GetAttribute("href"));
        Assert.Single(Shown(await PageAsync(app, article, cached: false)));
        Assert.Single(Shown(await PageAsync(app, "/chuyen-muc/tin-phuong", cached: false)));
        Assert.Single(Shown(await PageAsync(app, "/tim-kiem?q=phuong", cached: false)));

        app.Clock.Set(At(10, 59, 59));
        Assert.Single(Shown(await PageAsync(app, "/", cached: true)));

        // At its end, to the second.
        app.Clock.Set(At(11, 0));
        Assert.Empty(Shown(await PageAsync(app, "/", cached: false)));
        Assert.Empty(Shown(await PageAsync(app, article, cached: false)));
        Assert.Empty(Shown(await PageAsync(app, "/tim-kiem?q=phuong", cached: false)));
    }

    [Fact]
    public async Task SeveralNotices_EachShowsAndGoesOnItsOwnTime_EmergenciesFirst_AnnouncedByLevel()
    {
        using var app = new ReaderSiteFactory();
        await app.InitializeAsync();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await CreateAsync(admin, Form("thong-tin", "Cắt nước khu phố 3.", "20/11/2026 10:10", "20/11/2026 10:40"));
        await CreateAsync(admin, Form("canh-bao", "Sốt xuất huyết tăng.", "20/11/2026 10:20", "20/11/2026 10:30"));
        await CreateAsync(admin, Form("khan-cap", "Triều cường.", "20/11/2026 10:25", "20/11/2026 10:50"));
        Assert.Equal(3, await app.WithDbAsync(db => db.SiteNotices.CountAsync()));

        var expected = new (DateTimeOffset At, string[] Shown)[]
        {
            (At(10, 9, 59), []),
            (At(10, 10), ["Thông tin: Cắt nước khu phố 3."]),
            (At(10, 20), ["Cảnh báo: Sốt xuất huyết tăng.", "Thông tin: Cắt nước khu phố 3."]),
            (At(10, 25), ["Khẩn cấp: Triều cường.", "Cảnh báo: Sốt xuất huyết tăng.", "Thông tin: Cắt nước khu phố 3."]),
            (At(10, 29, 59), ["Khẩn cấp: Triều cường.", "Cảnh báo: Sốt xuất huyết tăng.", "Thông tin: Cắt nước khu phố 3."]),
            (At(10, 30), ["Khẩn cấp: Triều cường.", "Thông tin: Cắt nước khu phố 3."]),
            (At(10, 40), ["Khẩn cấp: Triều cường."]),
            (At(10, 50), []),
        };
        foreach (var (at, shown) in expected)
        {
            app.Clock.Set(at);
            var (_, first) = await app.GetAsReaderAsync("/");
            var second = await PageAsync(app, "/", cached: true);
            Assert.Equal(shown, Shown(first));
            Assert.Equal(shown, Shown(second));
        }

        app.Clock.Set(At(10, 26));
        var page = await PageAsync(app, "/", cached: false);
        Assert.Equal(["alert", "status", "status"], page.QuerySelectorAll("[data-test=site-notice-text]").Select(p => p.GetAttribute("role")!).ToList());
        Assert.Equal(["khan-cap", "canh-bao", "thong-tin"], page.QuerySelectorAll("[data-test=site-notice]").Select(n => n.GetAttribute("data-level")!).ToList());
    }

    [Fact]
    public async Task Notice_ClosableByScriptOnly_TextIsNeverMarkup_AndNoScriptWithoutANotice()
    {
        using var app = new ReaderSiteFactory();
        await app.InitializeAsync();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var before = await PageAsync(app, "/", cached: false);
        Assert.Null(before.QuerySelector("script[src^='/js/notice.']"));
        Assert.Null(before.QuerySelector("[data-test=site-notices]"));

        await CreateAsync(admin, Form("thong-tin", "<b>Mất điện</b> <script>alert(1)</script>", "", "20/11/2026 12:00"));

        var page = await PageAsync(app, "/", cached: false);
        var notice = page.QuerySelector("[data-test=site-notice]")!;
        Assert.Equal("<b>Mất điện</b> <script>alert(1)</script>", page.Text("[data-test=site-notice-text]")["Thông tin:".Length..].Trim());
        Assert.Empty(notice.QuerySelectorAll("b, script"));
        Assert.True(notice.QuerySelector("[data-test=site-notice-close]")!.HasAttribute("hidden"));
        Assert.Null(notice.QuerySelector("[data-test=site-notice-link]"));
        Assert.Equal("1-1", notice.GetAttribute("data-notice"));
        Assert.Equal("Thông báo của Ủy ban nhân dân Quận 5", page.QuerySelector("[data-test=site-notices]")!.GetAttribute("aria-label"));
        var script = page.QuerySelector("script[src^='/js/notice.']")!;
        Assert.False(script.HasAttribute("defer"));
        Assert.False(script.HasAttribute("async"));
        Assert.Same(page.QuerySelector("[data-test=site-notices]"), script.PreviousElementSibling);
        var file = await app.CreateBrowser().GetAsync(new Uri(script.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("sessionStorage", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAndEndingNow_ChangeCachedPagesAtOnce_AndAreAudited()
    {
        using var app = new ReaderSiteFactory();
        await app.InitializeAsync();
        var email = AdministrationHelpers.NewEmail("quan-tri");
        var admin = await app.SignInAsync(StaffRoles.Administrator, email);
        await CreateAsync(admin, Form("canh-bao", "Cúp điện phường Chợ Quán.", "", "20/11/2026 17:00"));
        Assert.Equal(["Cảnh báo: Cúp điện phường Chợ Quán."], Shown(await PageAsync(app, "/", cached: false)));
        Assert.Single(Shown(await PageAsync(app, "/", cached: true)));

        var (_, form) = await Html.GetAsync(admin, "/admin/thong-bao-khan/1/sua");
        Assert.Equal("20/11/2026", form.QuerySelector("[data-test=start-date]")!.GetAttribute("value"));
        Assert.Equal("10:00", form.QuerySelector("[data-test=start-time]")!.GetAttribute("value"));
        Assert.Equal("17:00", form.QuerySelector("[data-test=end-time]")!.GetAttribute("value"));
        var edited = await admin.PostFormAsync("/admin/thong-bao-khan/1/sua", "/admin/thong-bao-khan/1/sua",
            new(Form("khan-cap", "Cúp điện phường Chợ Quán đến 19:00.", "20/11/2026 10:00", "20/11/2026 19:00")) { ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(["Khẩn cấp: Cúp điện phường Chợ Quán đến 19:00."], Shown(await PageAsync(app, "/", cached: false)));

        var ended = await admin.PostFormAsync(Notices, "/admin/thong-bao-khan/1/ket-thuc", []);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Empty(Shown(await PageAsync(app, "/", cached: false)));
        var (_, list) = await Html.GetAsync(admin, Notices);
        Assert.Equal("Đã kết thúc", list.Text("[data-test=notice-state]"));
        Assert.Contains("không còn hiện", list.Text("[data-test=flash]"), StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.TargetType == AuditTargets.Notice)
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName, a.TargetId, a.Details }).ToListAsync());
        Assert.Equal([AuditActions.NoticeCreated, AuditActions.NoticeEdited, AuditActions.NoticeEnded], audit.Select(a => a.Action).ToList());
        Assert.All(audit, a => Assert.Equal((email, "1"), (a.UserName, a.TargetId)));
        Assert.Contains("→ [Khẩn cấp] Cúp điện phường Chợ Quán đến 19:00.", audit[1].Details, StringComparison.Ordinal);
        var (_, log) = await Html.GetAsync(admin, "/admin/nhat-ky");
        Assert.Contains("Thông báo khẩn số 1", log.Texts("[data-test=audit-target]"));
    }

    [Fact]
    public async Task Edit_FromAFormOpenedBeforeAnotherSave_Is409_AndKeepsTheOtherSave()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await CreateAsync(admin, Form("thong-tin", "Bản đầu.", "", "20/11/2026 17:00"));
        var fields = Form("thong-tin", "Bản sửa thứ nhất.", "20/11/2026 10:00", "20/11/2026 17:00");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/thong-bao-khan/1/sua", "/admin/thong-bao-khan/1/sua", new(fields) { ["Version"] = "1" })).StatusCode);

        var stale = await admin.PostFormAsync("/admin/thong-bao-khan/1/sua", "/admin/thong-bao-khan/1/sua",
            new(fields) { ["Text"] = "Bản sửa cũ.", ["Version"] = "1" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Html.ParseAsync(stale);
        Assert.Contains("vừa được người khác sửa", page.Text("[data-test=form-errors]"), StringComparison.Ordinal);
        Assert.Equal("Bản sửa thứ nhất.", page.Text("[data-test=notice-text-input]"));
        Assert.Equal("Bản sửa thứ nhất.", await app.WithDbAsync(db => db.SiteNotices.Select(n => n.Text).SingleAsync()));
    }

    public static TheoryData<Dictionary<string, string>, string, string> BadInput => new()
    {
        { Form("", "Cắt nước.", "", "20/11/2026 17:00"), "Level", "Vui lòng chọn mức độ: Thông tin, Cảnh báo hoặc Khẩn cấp." },
        { Form("nguy-hiem", "Cắt nước.", "", "20/11/2026 17:00"), "Level", "Vui lòng chọn mức độ" },
        { Form("thong-tin", "   ", "", "20/11/2026 17:00"), "Text", "Vui lòng nhập nội dung thông báo." },
        { Form("thong-tin", new string('a', 501), "", "20/11/2026 17:00"), "Text", "Nội dung thông báo dài tối đa 500 ký tự (đang có 501)." },
        { Form("thong-tin", "Cắt nước.", "", "20/11/2026 17:00", "javascript:alert(1)"), "Link", "bắt đầu bằng http:// hoặc https://" },
        { Form("thong-tin", "Cắt nước.", "", "20/11/2026 17:00", "www.quan5.gov.vn"), "Link", "bắt đầu bằng http:// hoặc https://" },
        { Form("thong-tin", "Cắt nước.", "", "20/11/2026 17:00", "ftp://quan5.gov.vn/a"), "Link", "bắt đầu bằng http:// hoặc https://" },
        { Form("thong-tin", "Cắt nước.", "", "20/11/2026 17:00", "/tin-tuc/1/a"), "Link", "bắt đầu bằng http:// hoặc https://" },
        { Form("thong-tin", "Cắt nước.", "31/02/2026 10:00", "20/11/2026 17:00"), "Start", "Thời điểm bắt đầu không hợp lệ. Nhập ngày theo dạng ngày/tháng/năm" },
        { Form("thong-tin", "Cắt nước.", "20/11/2026 25:00", "20/11/2026 17:00"), "Start", "Thời điểm bắt đầu không hợp lệ." },
        { Form("thong-tin", "Cắt nước.", "11/20/2026 10:00", "20/11/2026 17:00"), "Start", "Thời điểm bắt đầu không hợp lệ." },
        { Form("thong-tin", "Cắt nước.", "20/11/2026", "20/11/2026 17:00"), "Start", "Thời điểm bắt đầu chưa đủ: bạn đã nhập ngày nhưng chưa nhập giờ" },
        { Form("thong-tin", "Cắt nước.", "", ""), "End", "Vui lòng nhập thời điểm kết thúc" },
        { Form("thong-tin", "Cắt nước.", "", " 17:00"), "End", "Thời điểm kết thúc chưa đủ: bạn đã nhập giờ nhưng chưa nhập ngày" },
        { Form("thong-tin", "Cắt nước.", "20/11/2026 12:00", "20/11/2026 11:00"), "End", "Thời điểm kết thúc (11:00 20/11/2026) phải sau thời điểm bắt đầu (12:00 20/11/2026)." },
        { Form("thong-tin", "Cắt nước.", "19/11/2026 08:00", "20/11/2026 09:00"), "End", "Thời điểm kết thúc (09:00 20/11/2026) đã qua" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_BadInput_Is400_WithTheReasonBesideItsField_KeepsWhatWasTyped_AndSavesNothing(
        Dictionary<string, string> form, string field, string message)
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var response = await CreateAsync(admin, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.Text($"[data-test=error-{field}]"), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("[data-test^=error-]"));
        Assert.Contains("chưa được lưu", page.Text("[data-test=form-errors]"), StringComparison.Ordinal);
        Assert.Equal(form["Text"].Trim(), page.QuerySelector("[data-test=notice-text-input]")!.TextContent.Trim());
        Assert.Equal(form["EndTime"].Trim(), page.QuerySelector("[data-test=end-time]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteNotices.CountAsync()));
    }

    [Fact]
    public async Task NoticePages_AreForAdministratorsOnly()
    {
        using var app = new NewsAppFactory();
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var form = Form("khan-cap", "Không được đăng.", "", "20/11/2026 17:00");

        foreach (var url in new[] { Notices, Create, "/admin/thong-bao-khan/1/sua" })
        {
            var anonymous = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));
            Assert.StartsWith("/tai-khoan/dang-nhap?ReturnUrl=", anonymous.RedirectTarget(), StringComparison.Ordinal);
            var denied = await editor.GetAsync(new Uri(url, UriKind.Relative));
            var (status, page) = await Html.GetAsync(editor, denied.RedirectTarget());
            Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
            Assert.Equal("Không có quyền truy cập", page.Text("h1"));
        }

        // A valid token for the editor, from a page the editor may open.
        var posted = await editor.PostFormAsync("/admin", Create, form);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", posted.RedirectTarget(), StringComparison.Ordinal);
        var (deniedPost, _) = await Html.GetAsync(editor, posted.RedirectTarget());
        Assert.Equal(HttpStatusCode.Forbidden, deniedPost.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteNotices.CountAsync()));

        var (_, editorMenu) = await Html.GetAsync(editor, "/admin");
        Assert.DoesNotContain(Notices, editorMenu.QuerySelectorAll("[data-test=admin-menu] a").Select(a => a.GetAttribute("href")));
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var (_, adminMenu) = await Html.GetAsync(admin, "/admin");
        Assert.Contains(Notices, adminMenu.QuerySelectorAll("[data-test=admin-menu] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/thong-bao-khan/99/sua", UriKind.Relative))).StatusCode);
    }
}
