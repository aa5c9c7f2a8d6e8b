using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Units;

/// <summary>
/// An editor of Phường Chợ Lớn against a bulletin of Phường An Đông, action by action: every one answers 403 (or the
/// bulletin is not listed) and nothing changes. Administrators act on every unit.
/// </summary>
public sealed class UnitAuthorizationTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    private const int AnDong = 3;
    private const int ChoLon = 4;

    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Form_OffersOnlyTheEditorsUnits_AndANewBulletinIsTheirs()
    {
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);

        var (_, form) = await Html.GetAsync(choLon, EditorForms.CreateUrl);
        var id = await EditorForms.CreateAsync(choLon, "Phường Chợ Lớn ra quân dọn vệ sinh kênh");

        Assert.Equal(["Phường Chợ Lớn"], form.QuerySelectorAll("[data-test=unit] option").Select(o => o.TextContent.Trim()));
        Assert.Equal(ChoLon, await UnitOfAsync(id));
    }

    [Fact]
    public async Task EditPage_OfAnotherUnitsBulletin_Is403WithTheReason()
    {
        var id = await AnDongBulletinAsync("Phường An Đông họp dân về chỉnh trang đô thị");
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);

        foreach (var url in new[] { EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/lich-su", $"/admin/bai-viet/{id}/xoa" })
        {
            var (response, page) = await Html.GetAsync(choLon, url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
            Assert.Contains("Phường An Đông", page.Text("[data-test=error-message]"), StringComparison.Ordinal);
            Assert.Contains("Phường Chợ Lớn", page.Text("[data-test=error-message]"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("publish", null)]
    [InlineData("publish", "2026-12-01T08:00")]
    [InlineData("unpublish", null)]
    [InlineData("draft", null)]
    public async Task SavingAnotherUnitsBulletin_Edit_Schedule_Unpublish_Is403AndChangesNothing(string intent, string? publishAt)
    {
        var title = $"Bản tin An Đông không được sửa ({intent} {publishAt})";
        var id = await AnDongBulletinAsync(title);
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);
        var before = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        var fields = await EditorForms.ReadFormAsync(choLon, EditorForms.CreateUrl);
        fields["Input.Version"] = before.Version.ToString();
        fields["Input.Title"] = "Sửa trái phép";
        fields["Input.UnitId"] = AnDong.ToString(CultureInfo.InvariantCulture);
        fields["Input.PublishAt"] = publishAt ?? string.Empty;
        fields["Input.Intent"] = intent;

        var response = await EditorForms.PostAsync(choLon, EditorForms.EditUrl(id), fields,
            new EditorForms.Upload("bia.png", "image/png", OnePixelPng));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((before.Title, before.Status, before.PublishedAtUtc, before.Version, before.CoverImagePath),
            (after.Title, after.Status, after.PublishedAtUtc, after.Version, after.CoverImagePath));
    }

    [Fact]
    public async Task Preview_OfAnotherUnitsBulletin_Is403()
    {
        var id = await AnDongBulletinAsync("Bản tin An Đông không được xem trước");
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);
        var fields = await EditorForms.ReadFormAsync(choLon, EditorForms.CreateUrl);

        var existing = await EditorForms.PostAsync(choLon, $"/admin/bai-viet/{id}/xem-truoc", fields);
        fields["Input.UnitId"] = AnDong.ToString(CultureInfo.InvariantCulture);
        var asAnDong = await EditorForms.PostAsync(choLon, "/admin/bai-viet/xem-truoc", fields);

        Assert.Equal(HttpStatusCode.Forbidden, existing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAnDong.StatusCode);
    }

    [Fact]
    public async Task Create_InAnotherUnit_Is403AndStoresNothing_AndAnUnknownUnitIs400()
    {
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);
        var count = await app.WithDbAsync(db => db.Articles.CountAsync());

        var forged = await EditorForms.SubmitAsync(choLon, EditorForms.CreateUrl,
            new(EditorForms.Fields("Bản tin đăng thay An Đông", "<p>Nội dung.</p>")) { ["Input.UnitId"] = AnDong.ToString(CultureInfo.InvariantCulture) }, "publish");
        var unknown = await EditorForms.SubmitAsync(choLon, EditorForms.CreateUrl,
            new(EditorForms.Fields("Bản tin đơn vị lạ", "<p>Nội dung.</p>")) { ["Input.UnitId"] = "999" }, "publish");
        var unknownPage = await Html.ParseAsync(unknown);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Đơn vị đăng tin không tồn tại. Vui lòng chọn lại.", unknownPage.Text("[data-test=error-UnitId]"));
        Assert.Equal(count, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task MovingOwnBulletinIntoAnotherUnit_Is403AndTheUnitStays()
    {
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);
        var id = await EditorForms.CreateAsync(choLon, "Bản tin Chợ Lớn không được chuyển sang An Đông");

        var response = await EditorForms.SubmitAsync(choLon, EditorForms.EditUrl(id),
            new() { ["Input.UnitId"] = AnDong.ToString(CultureInfo.InvariantCulture) }, "publish");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ChoLon, await UnitOfAsync(id));
    }

    [Fact]
    public async Task Trash_AnotherUnitsBulletin_Is403AndItStaysPublished()
    {
        var id = await AnDongBulletinAsync("Bản tin An Đông không được xóa");
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);

        var response = await choLon.PostFormAsync(EditorForms.CreateUrl, $"/admin/bai-viet/{id}/xoa", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Revisions_OfAnotherUnitsBulletin_AreNotShownNorRestored()
    {
        var anDong = await app.SignInAsync(StaffRoles.Editor, units: ["an-dong"]);
        var id = await EditorForms.CreateAsync(anDong, "Phiên bản đầu của An Đông");
        await EditorForms.SubmitAsync(anDong, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Phiên bản sau của An Đông" }, "publish");
        var revisionId = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).SingleAsync());
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);

        var (page, _) = await Html.GetAsync(choLon, $"/admin/bai-viet/{id}/lich-su/{revisionId}");
        var restore = await choLon.PostFormAsync(EditorForms.CreateUrl, $"/admin/bai-viet/{id}/lich-su/{revisionId}/khoi-phuc", []);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.Equal("Phiên bản sau của An Đông", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task Restore_AnotherUnitsBulletinFromTheTrash_Is403_AndTheTrashDoesNotListIt()
    {
        var anDong = await app.SignInAsync(StaffRoles.Editor, units: ["an-dong"]);
        var id = await EditorForms.CreateAsync(anDong, "Bản tin An Đông trong thùng rác");
        await anDong.PostFormAsync(EditorForms.EditUrl(id), $"/admin/bai-viet/{id}/xoa", []);
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);

        var (_, trash) = await Html.GetAsync(choLon, "/admin/bai-viet/thung-rac");
        var restore = await choLon.PostFormAsync(EditorForms.CreateUrl, $"/admin/bai-viet/thung-rac/{id}/khoi-phuc", []);
        var (_, ownersTrash) = await Html.GetAsync(anDong, "/admin/bai-viet/thung-rac");

        Assert.Null(trash.QuerySelector($"[data-test=trash-row][data-id='{id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.DeletedAtUtc).SingleAsync()));
        Assert.NotNull(ownersTrash.QuerySelector($"[data-test=trash-row][data-id='{id}']"));
    }

    [Fact]
    public async Task List_ShowsOnlyTheEditorsUnits_EvenWhenFilteredByAnotherUnit()
    {
        var anDongId = await AnDongBulletinAsync("Tin riêng của An Đông trong danh sách");
        var choLon = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);
        var ownId = await EditorForms.CreateAsync(choLon, "Tin riêng của Chợ Lớn trong danh sách");

        var (_, list) = await Html.GetAsync(choLon, "/admin/bai-viet");
        var (_, filtered) = await Html.GetAsync(choLon, $"/admin/bai-viet?unit={AnDong}");
        var (_, dashboard) = await Html.GetAsync(choLon, "/admin");

        var ids = Ids(list);
        Assert.Contains(ownId, ids);
        Assert.DoesNotContain(anDongId, ids);
        Assert.All(list.QuerySelectorAll("[data-test=row-unit]"), cell => Assert.Equal("Phường Chợ Lớn", cell.TextContent.Trim()));
        Assert.Empty(Ids(filtered));
        Assert.Contains("Phường Chợ Lớn", dashboard.Text("[data-test=my-units]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorWithNoUnit_SeesWhyAndCanDoNothing()
    {
        var someone = await AnDongBulletinAsync("Bản tin mà người chưa có đơn vị không được thấy");
        var nobody = await app.SignInAsync(StaffRoles.Editor, units: []);

        var (listResponse, list) = await Html.GetAsync(nobody, "/admin/bai-viet");
        var (createResponse, create) = await Html.GetAsync(nobody, EditorForms.CreateUrl);
        var (editResponse, _) = await Html.GetAsync(nobody, EditorForms.EditUrl(someone));

        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Contains("chưa được giao đơn vị", list.Text("[data-test=no-unit]"), StringComparison.Ordinal);
        Assert.Empty(Ids(list));
        Assert.Null(list.QuerySelector("[data-test=create-link]"));
        Assert.Equal(HttpStatusCode.Forbidden, createResponse.StatusCode);
        Assert.Contains("chưa được giao đơn vị", create.Text("[data-test=error-message]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, editResponse.StatusCode);
    }

    [Fact]
    public async Task Administrator_ActsOnEveryUnit()
    {
        var id = await AnDongBulletinAsync("Bản tin An Đông quản trị viên sửa được");
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var (_, list) = await Html.GetAsync(admin, "/admin/bai-viet");
        var (_, form) = await Html.GetAsync(admin, EditorForms.EditUrl(id));
        var save = await EditorForms.SubmitAsync(admin, EditorForms.EditUrl(id),
            new() { ["Input.UnitId"] = ChoLon.ToString(CultureInfo.InvariantCulture) }, "publish");

        Assert.Contains(id, Ids(list));
        Assert.Equal(19, form.QuerySelectorAll("[data-test=unit] option").Length);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(ChoLon, await UnitOfAsync(id));
    }

    [Fact]
    public async Task UnitsGivenOnTheAccountsPage_ApplyAtTheEditorsNextRequest_AndAreAudited()
    {
        var id = await AnDongBulletinAsync("Bản tin An Đông sau khi được giao thêm đơn vị");
        var email = $"cho-lon-{Guid.NewGuid():N}@quan5.local";
        var editor = await app.SignInAsync(StaffRoles.Editor, email, units: ["cho-lon"]);
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var before = await Html.GetAsync(editor, EditorForms.EditUrl(id));

        var (_, page) = await Html.GetAsync(admin, $"/admin/tai-khoan/{userId}/don-vi");
        var save = await admin.PostFormAsync($"/admin/tai-khoan/{userId}/don-vi", $"/admin/tai-khoan/{userId}/don-vi",
            new() { ["UnitIds"] = AnDong.ToString(CultureInfo.InvariantCulture) });
        var after = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        var (_, accounts) = await Html.GetAsync(admin, "/admin/tai-khoan");

        Assert.NotNull(page.QuerySelector($"[data-test=unit-{ChoLon}][checked]"));
        Assert.Equal(HttpStatusCode.Forbidden, before.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.Response.StatusCode);
        Assert.Equal([AnDong], await app.WithDbAsync(db => db.StaffUnitMemberships.Where(m => m.UserId == userId).Select(m => m.UnitId).ToListAsync()));
        Assert.Contains("Phường An Đông", accounts.QuerySelector($"[data-test=account-row][data-email='{email}'] [data-test=account-units]")!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == email).OrderBy(e => e.Id).Select(e => e.Details).ToListAsync());
        Assert.Contains("Đơn vị đăng tin: Phường Chợ Lớn → Phường An Đông", audit);
    }

    [Fact]
    public async Task AccountsUnitsPage_IsForAdministratorsOnly()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);
        var userId = await app.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());

        var response = await editor.GetAsync(new Uri($"/admin/tai-khoan/{userId}/don-vi", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> AnDongBulletinAsync(string title)
    {
        var anDong = await app.SignInAsync(StaffRoles.Editor, units: ["an-dong"]);
        var id = await EditorForms.CreateAsync(anDong, title);
        Assert.Equal(AnDong, await UnitOfAsync(id));
        return id;
    }

    private Task<int> UnitOfAsync(int id) => app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.UnitId).SingleAsync());

    private static List<int> Ids(IDocument list) =>
        list.QuerySelectorAll("[data-test=article-row]").Select(r => int.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();
}
