using System.Net;
using AngleSharp.Dom;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>
/// Issue 13 §3: destructive actions look destructive, stand apart from the save buttons, take a second step that works
/// without JavaScript, and moving to the trash can be undone; editors restore, only administrators purge.
/// </summary>
public sealed class DeletingSafelyTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    [Fact]
    public async Task EditPage_DeleteIsALinkToAConfirmationApartFromTheSaveButtons()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin có nút xóa");

        var (_, page) = await Html.GetAsync(editor, EditorForms.EditUrl(id));

        var delete = page.QuerySelector("[data-test=delete]")!;
        Assert.Equal("A", delete.TagName);
        Assert.Equal($"/admin/bai-viet/{id}/xoa", delete.GetAttribute("href"));
        Assert.Contains("danger", delete.ClassList);
        Assert.Null(delete.Closest("form"));
        Assert.NotNull(delete.Closest("[data-test=danger-zone]"));
        Assert.Null(page.QuerySelector("[data-test=actions] [data-test=delete]"));
        Assert.Empty(page.QuerySelectorAll("[data-test=actions] .danger"));
    }

    [Fact]
    public async Task MoveToTrash_WithoutJavaScript_AsksOnAPageThenMovesAndOffersUndo()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin sẽ vào thùng rác");

        // The link's GET shows the question and changes nothing.
        var (confirmResponse, confirm) = await Html.GetAsync(editor, $"/admin/bai-viet/{id}/xoa");
        Assert.Equal(HttpStatusCode.OK, confirmResponse.StatusCode);
        Assert.Equal("Chuyển bản tin vào thùng rác?", confirm.Text("[data-test=confirm-heading]"));
        Assert.Contains("Bản tin sẽ vào thùng rác", confirm.Text("[data-test=confirm-subject]"), StringComparison.Ordinal);
        Assert.Contains("người đọc sẽ không xem được nữa", confirm.Text("[data-test=confirm-consequences]"), StringComparison.Ordinal);
        Assert.Equal(EditorForms.EditUrl(id), confirm.QuerySelector("[data-test=cancel]")!.GetAttribute("href"));
        Assert.Null(await DeletedAtAsync(id));

        // Its form is the second step.
        var response = await SubmitAsync(editor, confirm);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await DeletedAtAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);

        var (_, list) = await Html.GetAsync(editor, response.Headers.Location!.OriginalString);
        Assert.Equal("Đã chuyển bản tin “Bản tin sẽ vào thùng rác” vào thùng rác.", list.Text("[data-test=flash]"));
        var undo = list.QuerySelector("form[data-test=undo-form]")!;
        Assert.Equal($"/admin/bai-viet/thung-rac/{id}/khoi-phuc", undo.GetAttribute("action"));
        Assert.Equal("Hoàn tác", list.Text("[data-test=undo]"));
    }

    [Fact]
    public async Task Undo_AfterMovingToTheTrash_BringsTheBulletinBackAndReturnsToIt()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin xóa nhầm");
        var (_, confirm) = await Html.GetAsync(editor, $"/admin/bai-viet/{id}/xoa");
        var deleted = await SubmitAsync(editor, confirm);
        var (_, list) = await Html.GetAsync(editor, deleted.Headers.Location!.OriginalString);

        var response = await SubmitAsync(editor, list, "form[data-test=undo-form]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EditorForms.EditUrl(id), response.Headers.Location!.OriginalString);
        Assert.Null(await DeletedAtAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);
        var (_, edit) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.StartsWith("Đã hoàn tác", edit.Text("[data-test=flash]"), StringComparison.Ordinal);
        Assert.Null(edit.QuerySelector("[data-test=undo]"));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.ArticleDeleted, AuditActions.ArticleRestored], actions[^2..]);
    }

    [Fact]
    public async Task Editor_RestoresFromTheTrash_ButCannotPurgeOrEmptyIt()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var restored = await TrashedAsync(editor, "Bản tin biên tập viên khôi phục");
        var kept = await TrashedAsync(editor, "Bản tin biên tập viên không xóa hẳn được");

        var (_, trash) = await Html.GetAsync(editor, "/admin/bai-viet/thung-rac");
        Assert.NotNull(trash.QuerySelector($"[data-test=trash-row][data-id='{restored}'] [data-test=restore]"));
        Assert.Null(trash.QuerySelector("[data-test=purge]"));
        Assert.Null(trash.QuerySelector("[data-test=empty-trash]"));

        var restore = await SubmitAsync(editor, trash, $"[data-test=trash-row][data-id='{restored}'] form");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Null(await DeletedAtAsync(restored));

        foreach (var url in new[] { $"/admin/bai-viet/thung-rac/{kept}/xoa-han", "/admin/bai-viet/thung-rac/don-sach" })
        {
            var page = await editor.GetAsync(new Uri(url, UriKind.Relative));
            Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", page.Headers.Location!.ToString(), StringComparison.Ordinal);
            var post = await editor.PostFormAsync("/admin/bai-viet/thung-rac", url, []);
            Assert.StartsWith("https://localhost/tai-khoan/khong-co-quyen", post.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(post.Headers.Location)).StatusCode);
        }

        Assert.NotNull(await DeletedAtAsync(kept));
    }

    [Fact]
    public async Task Purge_WithoutJavaScript_AsksOnAPageFirst()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var id = await TrashedAsync(admin, "Bản tin xóa hẳn sau khi hỏi");
        var (_, trash) = await Html.GetAsync(admin, "/admin/bai-viet/thung-rac");
        var link = trash.QuerySelector($"[data-test=trash-row][data-id='{id}'] [data-test=purge]")!;
        Assert.Equal("A", link.TagName);
        Assert.Contains("danger", link.ClassList);

        var (_, confirm) = await Html.GetAsync(admin, link.GetAttribute("href")!);
        Assert.Equal("Xóa hẳn bản tin?", confirm.Text("[data-test=confirm-heading]"));
        Assert.Contains("Không thể hoàn tác", confirm.Text("[data-test=confirm-consequences]"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == id)));

        var response = await SubmitAsync(admin, confirm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task EmptyTrash_KeepsWhatWasTrashedAfterTheConfirmationWasShown()
    {
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var shown = await TrashedAsync(admin, "Bản tin đã có trong thùng rác");
        var (_, confirm) = await Html.GetAsync(admin, "/admin/bai-viet/thung-rac/don-sach");
        Assert.Equal("Dọn sạch thùng rác?", confirm.Text("[data-test=confirm-heading]"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await TrashedAsync(admin, "Bản tin vào thùng rác sau khi hỏi");

        var response = await SubmitAsync(admin, confirm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == shown)));
        Assert.NotNull(await DeletedAtAsync(later));
    }

    [Fact]
    public async Task ScheduledBulletin_OffersHủyHẹnGiờ_WhichKeepsItAsADraft()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin hẹn giờ rồi hủy", publishAtVietnam: "2026-12-24T08:00");

        var (_, form) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.Equal("Hủy hẹn giờ", form.Text("[data-test=cancel-schedule]"));
        Assert.Null(form.QuerySelector("[data-test=unpublish]"));
        Assert.DoesNotContain("Gỡ bản tin", form.QuerySelector("[data-test=actions]")!.TextContent, StringComparison.Ordinal);

        var response = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), [], "draft");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.StartsWith("Đã hủy hẹn giờ", after.Text("[data-test=flash]"), StringComparison.Ordinal);
        Assert.Equal("Bản nháp", after.Text("[data-test=state]"));
        app.Clock.Advance(TimeSpan.FromDays(40));
        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(-40));
    }

    [Fact]
    public async Task InvalidForm_ShowsEachErrorOnceBesideItsField()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl,
            EditorForms.Fields(string.Empty, "<p>Nội dung.</p>", publishAtVietnam: "31/02/2026"), "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var text = page.Body!.TextContent; // what a person reads (the same words also sit in data-val attributes for client checks)
        Assert.Equal("Vui lòng nhập tiêu đề.", page.Text("[data-test=error-Title]"));
        Assert.StartsWith("Thời điểm đăng không hợp lệ", page.Text("[data-test=error-PublishAt]"), StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(text, "Vui lòng nhập tiêu đề."));
        Assert.Equal(1, Occurrences(text, "Thời điểm đăng không hợp lệ"));
        Assert.Contains("2 ô", page.Text("[data-test=form-errors-count]"), StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private async Task<int> TrashedAsync(HttpClient staff, string title)
    {
        var id = await EditorForms.CreateAsync(staff, title);
        var (_, confirm) = await Html.GetAsync(staff, $"/admin/bai-viet/{id}/xoa");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(staff, confirm)).StatusCode);
        return id;
    }

    private Task<DateTime?> DeletedAtAsync(int id) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.DeletedAtUtc).SingleAsync());

    /// <summary>Posts a form of <paramref name="page"/> as a browser would: its action, its hidden fields (token included).</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string selector = "form[data-test=confirm-form]")
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form {selector} on the page.");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}
