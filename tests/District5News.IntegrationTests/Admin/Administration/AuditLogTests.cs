using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;

namespace District5News.IntegrationTests.Admin.Administration;

public sealed class AuditLogTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>, IAsyncLifetime
{
    private const string Log = "/admin/nhat-ky";

    private HttpClient _admin = null!;
    private string _adminEmail = string.Empty;

    public async Task InitializeAsync()
    {
        _adminEmail = AdministrationHelpers.NewEmail("nhat-ky");
        _admin = await app.SignInAsync(StaffRoles.Administrator, _adminEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Log_ListsSignInAndAccountChanges_NewestFirst()
    {
        var email = AdministrationHelpers.NewEmail("duoc-tao");
        await _admin.PostFormAsync("/admin/tai-khoan/tao-moi", "/admin/tai-khoan/tao-moi", new()
        {
            ["Email"] = email,
            ["DisplayName"] = "Lê Văn Tám",
            ["Role"] = StaffRoles.Editor,
            ["Password"] = "Phuong#Moi2026x",
            ["ConfirmPassword"] = "Phuong#Moi2026x",
        });
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await _admin.PostFormAsync("/admin/tai-khoan", $"/admin/tai-khoan/{await app.AccountIdAsync(email)}/khoa", []);

        var (response, page) = await Html.GetAsync(_admin, $"{Log}?nguoidung={Uri.EscapeDataString(_adminEmail)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(page);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Thay đổi tài khoản", "Tạo tài khoản", "Đăng nhập"], rows.Select(r => Cell(r, "audit-action-name")));
        Assert.Equal($"Tài khoản {email}", Cell(rows[0], "audit-target"));
        Assert.Equal("Khóa tài khoản", Cell(rows[0], "audit-details"));
        Assert.Equal("Tên hiển thị: Lê Văn Tám; vai trò: Biên tập viên", Cell(rows[1], "audit-details"));
        Assert.All(rows, r => Assert.Equal(_adminEmail, Cell(r, "audit-user-name")));
    }

    [Fact]
    public async Task Log_NamesBulletinsTheRealEditorAndImporterChanged_AsBulletins()
    {
        var editorEmail = AdministrationHelpers.NewEmail("bien-tap-nhat-ky");
        var editor = await app.SignInAsync(StaffRoles.Editor, editorEmail);
        var id = await Articles.EditorForms.CreateAsync(editor, "Phường tổ chức ngày hội đọc sách", body: "<p>Nội dung ngày hội.</p>");
        await editor.PostFormAsync(Articles.EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);

        var (response, page) = await Html.GetAsync(_admin, $"{Log}?nguoidung={Uri.EscapeDataString(editorEmail)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var targets = Rows(page).Where(r => Cell(r, "audit-action-name") != "Đăng nhập").Select(r => Cell(r, "audit-target")).ToList();
        Assert.True(targets.Count >= 2, $"expected the creation and the trash entries, got {targets.Count}");
        Assert.All(targets, t => Assert.Equal($"Bản tin số {id}", t));
    }

    [Fact]
    public async Task Log_ShowsVietnamTime()
    {
        var user = await SeedAsync("gio", 1, new DateTime(2026, 11, 20, 13, 5, 9, DateTimeKind.Utc));

        var (_, page) = await Html.GetAsync(_admin, $"{Log}?nguoidung={user}");

        Assert.Equal("20 Tháng Mười Một 2026 8:05:09 CH", Cell(Rows(page).Single(), "audit-time"));
    }

    [Fact]
    public async Task Filter_ByAction_ShowsOnlyThatAction()
    {
        var (_, page) = await Html.GetAsync(_admin, $"{Log}?hanhdong={AuditActions.SignedIn}");

        var rows = Rows(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(AuditActions.SignedIn, r.GetAttribute("data-action")));
        Assert.Equal(AuditActions.SignedIn, page.QuerySelector("[data-test=audit-action] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Filter_ActionDropdown_ListsEveryActionInVietnamese()
    {
        var (_, page) = await Html.GetAsync(_admin, Log);

        var options = page.QuerySelectorAll("[data-test=audit-action] option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        Assert.Equal("Tất cả", options[string.Empty]);
        Assert.Equal("Đăng nhập", options[AuditActions.SignedIn]);
        Assert.Equal("Tạo tài khoản", options[AuditActions.AccountCreated]);
        Assert.Equal("Thay đổi tài khoản", options[AuditActions.AccountChanged]);
        Assert.Equal("Đăng bản tin", options[AuditActions.ArticlePublished]);
    }

    [Fact]
    public async Task Filter_ByUser_MatchesPartOfTheAddressWhateverTheCase()
    {
        var user = await SeedAsync("loc-nguoi", 2, new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc));
        await SeedAsync("nguoi-khac", 2, new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc));

        var (_, page) = await Html.GetAsync(_admin, $"{Log}?nguoidung={user.Split('@')[0].ToUpperInvariant()}");

        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(user, Cell(r, "audit-user-name")));
    }

    [Fact]
    public async Task Filter_ByUserWithWildcards_MatchesThemLiterally()
    {
        var marker = $"{Guid.NewGuid():N}";
        var literal = await SeedAsync($"ky-tu-%_[-{marker}@quan5.local", 1, new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc));

        var (_, none) = await Html.GetAsync(_admin, $"{Log}?nguoidung={Uri.EscapeDataString($"%_[{marker}")}");
        var (_, one) = await Html.GetAsync(_admin, $"{Log}?nguoidung={Uri.EscapeDataString($"%_[-{marker}")}");

        // As LIKE wildcards "%_" would match every entry, the administrator's own sign-in included.
        Assert.Empty(Rows(none));
        Assert.NotNull(none.QuerySelector("[data-test=audit-empty]"));
        Assert.Equal([literal], Rows(one).Select(r => Cell(r, "audit-user-name")));
    }

    [Fact]
    public async Task Filter_ByDateRange_UsesVietnamDays()
    {
        // 16 Nov 23:30 Vietnam time is still 16 Nov; 17 Nov 00:30 is the 17th although UTC says the 16th.
        var user = await SeedAsync("theo-ngay", 1, new DateTime(2026, 11, 16, 16, 30, 0, DateTimeKind.Utc));
        await SeedAsync(user, 1, new DateTime(2026, 11, 16, 17, 30, 0, DateTimeKind.Utc));
        await SeedAsync(user, 1, new DateTime(2026, 11, 18, 5, 0, 0, DateTimeKind.Utc));

        var (_, day17) = await Html.GetAsync(_admin, $"{Log}?nguoidung={user}&tu=2026-11-17&den=2026-11-17");
        var (_, from17) = await Html.GetAsync(_admin, $"{Log}?nguoidung={user}&tu=2026-11-17");
        var (_, to16) = await Html.GetAsync(_admin, $"{Log}?nguoidung={user}&den=2026-11-16");

        Assert.Equal(["17 Tháng Mười Một 2026 12:30:00 SA"], Rows(day17).Select(r => Cell(r, "audit-time")));
        Assert.Equal(2, Rows(from17).Count);
        Assert.Equal(["16 Tháng Mười Một 2026 11:30:00 CH"], Rows(to16).Select(r => Cell(r, "audit-time")));
    }

    [Fact]
    public async Task Paging_FiftyAPage_NewestFirst_KeepsTheFilters()
    {
        var user = await SeedAsync("phan-trang", 120, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var filter = $"hanhdong={AuditActions.ArticleEdited}&nguoidung={user}";

        var (_, first) = await Html.GetAsync(_admin, $"{Log}?{filter}");

        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("Bản ghi số 120", Cell(Rows(first)[0], "audit-details"));
        Assert.Equal("Bản ghi số 71", Cell(Rows(first)[^1], "audit-details"));
        var next = first.QuerySelector("[data-test=pager] a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"{Log}?{filter}&page=2", next);

        var (_, second) = await Html.GetAsync(_admin, next);
        var (_, third) = await Html.GetAsync(_admin, $"{Log}?{filter}&page=3");

        Assert.Equal("Bản ghi số 70", Cell(Rows(second)[0], "audit-details"));
        Assert.Equal(20, Rows(third).Count);
        Assert.Equal("Bản ghi số 1", Cell(Rows(third)[^1], "audit-details"));
        Assert.Null(third.QuerySelector("[data-test=pager] a[rel=next]"));
    }

    [Theory]
    [InlineData("hanhdong=khong-co", "Loại thao tác không hợp lệ.")]
    [InlineData("tu=2026-02-30", "Ngày bắt đầu “2026-02-30” không hợp lệ.")]
    [InlineData("den=hom-nay", "Ngày kết thúc “hom-nay” không hợp lệ.")]
    [InlineData("tu=2026-11-20&den=2026-11-01", "Ngày bắt đầu phải trước hoặc trùng với ngày kết thúc.")]
    [InlineData("tu=9999-12-31", "Ngày bắt đầu “9999-12-31” không hợp lệ.")]
    [InlineData("page=0", "Số trang không hợp lệ.")]
    [InlineData("page=abc", "Số trang không hợp lệ.")]
    [InlineData("page=99999999999", "Số trang không hợp lệ.")]
    public async Task BadFilter_Is400WithAVietnameseMessage(string query, string message)
    {
        var (response, page) = await Html.GetAsync(_admin, $"{Log}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, page.Text("[data-test=error-message]"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-test=audit-filter]"));
    }

    /// <summary>Adds <paramref name="count"/> "article edited" entries one minute apart for a user; returns the user.</summary>
    private async Task<string> SeedAsync(string userOrPrefix, int count, DateTime firstUtc)
    {
        var user = userOrPrefix.Contains('@', StringComparison.Ordinal) ? userOrPrefix : AdministrationHelpers.NewEmail(userOrPrefix);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = firstUtc.AddMinutes(i),
                    UserName = user,
                    Action = AuditActions.ArticleEdited,
                    TargetType = AuditTargets.Article,
                    TargetId = "1",
                    Details = $"Bản ghi số {i + 1}",
                });
            }

            await db.SaveChangesAsync();
        });
        return user;
    }

    private static List<IElement> Rows(IDocument page) => page.QuerySelectorAll("[data-test=audit-row]").ToList();

    private static string Cell(IElement row, string test) => row.QuerySelector($"[data-test={test}]")!.TextContent.Trim();
}
