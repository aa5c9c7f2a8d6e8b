using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.IntegrationTests.Residents.Units;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Units;

/// <summary>
/// The administrator's units page (/admin/don-vi): units and their mapping are data. Each test has its own app: an edit
/// changes what every page shows.
/// </summary>
public sealed class UnitAdministrationTests : IAsyncLifetime, IDisposable
{
    private readonly UnitsSiteFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _admin = await _app.SignInAsync(StaffRoles.Administrator);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task List_ShowsEveryUnitWithItsSuccessor()
    {
        var (response, page) = await Html.GetAsync(_admin, "/admin/don-vi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(19, page.QuerySelectorAll("[data-test=unit-row]").Length);
        Assert.Equal("Phường 11", page.Text("[data-test=unit-row][data-slug=phuong-10] [data-test=unit-successor]"));
        Assert.Equal("Phường Chợ Lớn", page.Text("[data-test=unit-row][data-slug=phuong-11] [data-test=unit-successor]"));
    }

    [Fact]
    public async Task Editor_IsRefused()
    {
        var editor = await _app.SignInAsync(StaffRoles.Editor, units: ["cho-lon"]);

        var list = await editor.GetAsync(new Uri("/admin/don-vi", UriKind.Relative));
        var edit = await editor.PostFormAsync("/admin/bai-viet/tao-moi", $"/admin/don-vi/{UnitsSiteFactory.ChoLon}/sua", new() { ["Input.Name"] = "Phường Mới" });

        Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", list.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", edit.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Phường Chợ Lớn", await _app.WithDbAsync(db => db.PublishingUnits.Where(u => u.Id == UnitsSiteFactory.ChoLon).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task Rename_ShowsOnThePublicPagesAtOnce_AndIsAudited()
    {
        await _app.GetAsReaderAsync("/don-vi/cho-lon");
        await _app.GetAsReaderAsync(UnitsSiteFactory.UrlOf(_app.ChoLonNews[0]));

        var response = await SaveAsync(UnitsSiteFactory.ChoLon, new() { ["Input.Name"] = "Phường Chợ Lớn (TP.HCM)" });
        var (_, unitPage) = await _app.GetAsReaderAsync("/don-vi/cho-lon");
        var (_, article) = await _app.GetAsReaderAsync(UnitsSiteFactory.UrlOf(_app.ChoLonNews[0]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Phường Chợ Lớn (TP.HCM)", unitPage.Text("[data-test=unit-title]"));
        Assert.Equal("Đơn vị đăng tin: Phường Chợ Lớn (TP.HCM)", article.Text("[data-test=publisher]"));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.UnitChanged).SingleAsync());
        Assert.Equal((AuditTargets.Unit, "4"), (entry.TargetType, entry.TargetId));
        Assert.Contains("Tên: Phường Chợ Lớn → Phường Chợ Lớn (TP.HCM)", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingASuccessor_MovesTheOldWardsBulletinsToTheOtherWardsPage()
    {
        await _app.GetAsReaderAsync("/don-vi/an-dong");

        await SaveAsync(UnitsSiteFactory.Ward(11), new() { ["Input.SuccessorId"] = UnitsSiteFactory.AnDong.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var (_, anDong) = await _app.GetAsReaderAsync("/don-vi/an-dong");
        var (_, choLon) = await _app.GetAsReaderAsync("/don-vi/cho-lon?page=2");

        var anDongTitles = anDong.Texts("[data-test=article-item] .article-link");
        Assert.Contains(_app.Phuong11.Title, anDongTitles);
        Assert.Contains(_app.Phuong10.Title, anDongTitles);
        Assert.DoesNotContain(_app.Phuong11.Title, choLon.Texts("[data-test=article-item] .article-link"));
    }

    [Theory]
    [InlineData("Input.Slug", "Chợ Lớn", "Slug", "chữ thường không dấu")]
    [InlineData("Input.Slug", "an-dong", "Slug", "đã được dùng")]
    [InlineData("Input.Name", "", "Name", "Vui lòng nhập tên đơn vị.")]
    [InlineData("Input.ActiveUntil", "2025-06-30", "ActiveUntil", "ngày/tháng/năm")]
    [InlineData("Input.ActiveUntil", "30/06/2025", "ActiveUntil", "phải sau hoặc trùng ngày bắt đầu")]
    [InlineData("Input.SuccessorId", "21", "SuccessorId", "vòng lặp")]
    [InlineData("Input.SuccessorId", "4", "SuccessorId", "không thể tự tiếp nhận")]
    [InlineData("Input.SuccessorId", "999", "SuccessorId", "không tồn tại")]
    public async Task BadInput_Is400WithTheReasonBesideTheField_AndChangesNothing(string field, string value, string errorField, string message)
    {
        var before = await _app.WithDbAsync(db => db.PublishingUnits.AsNoTracking().SingleAsync(u => u.Id == UnitsSiteFactory.ChoLon));

        // Chợ Lớn starts on 01/07/2025; Phường 11 (21) already leads to it, so naming it as Chợ Lớn's successor loops.
        var response = await SaveAsync(UnitsSiteFactory.ChoLon, new() { [field] = value });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.Text($"[data-test=error-{errorField}]"), StringComparison.Ordinal);
        var after = await _app.WithDbAsync(db => db.PublishingUnits.AsNoTracking().SingleAsync(u => u.Id == UnitsSiteFactory.ChoLon));
        Assert.Equal((before.Name, before.Slug, before.ActiveFrom, before.ActiveUntil, before.SuccessorId), (after.Name, after.Slug, after.ActiveFrom, after.ActiveUntil, after.SuccessorId));
    }

    [Fact]
    public async Task UnknownUnit_Is404()
    {
        var (response, _) = await Html.GetAsync(_admin, "/admin/don-vi/999/sua");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Loads the unit's form, changes <paramref name="changes"/> and posts it.</summary>
    private async Task<HttpResponseMessage> SaveAsync(int id, Dictionary<string, string> changes)
    {
        var url = $"/admin/don-vi/{id}/sua";
        var (_, form) = await Html.GetAsync(_admin, url);
        var fields = form.QuerySelectorAll("form[data-test=unit-form] input[name], form[data-test=unit-form] select[name]")
            .ToDictionary(
                e => e.GetAttribute("name")!,
                e => e is AngleSharp.Html.Dom.IHtmlSelectElement select ? select.Value ?? string.Empty : e.GetAttribute("value") ?? string.Empty);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await _admin.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
