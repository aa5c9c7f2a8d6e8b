using System.Net;
using System.Text.Json;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>
/// The form's autosave: a server-side draft per editor and bulletin, posted with the form's anti-forgery token, 401
/// JSON (not the sign-in page) once the sign-in has expired, offered back only to its owner, gone once the bulletin is saved.
/// </summary>
public sealed class AutosaveTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    private const string NewAutosaveUrl = "/admin/bai-viet/tao-moi/tu-luu";

    private static string AutosaveUrl(int id) => $"/admin/bai-viet/{id}/tu-luu";

    [Fact]
    public async Task Autosave_StoresWhatIsTyped_OneDraftPerEditorAndBulletin_WithTheBodySanitized()
    {
        var (first, firstId) = await SignInAsync();
        var (second, secondId) = await SignInAsync();

        var response = await AutosaveAsync(first, EditorForms.CreateUrl, NewAutosaveUrl, new()
        {
            ["Input.Title"] = "Thông báo lịch tiếp công dân",
            ["Input.Lead"] = "Tóm tắt đang gõ",
            ["Input.Body"] = "<p>Ủy ban nhân dân phường tiếp công dân vào sáng thứ<script>alert(1)</script></p>",
            ["Input.CategoryId"] = "1",
            ["Input.PublishDate"] = "23/11/20",
            ["Input.PublishTime"] = string.Empty,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(VietnamClock(), json.RootElement.GetProperty("savedAtText").GetString());
        var draft = await app.WithDbAsync(db => db.EditorDrafts.AsNoTracking().SingleAsync(d => d.UserId == firstId));
        Assert.Null(draft.ArticleId);
        Assert.Equal("Thông báo lịch tiếp công dân", draft.Title);
        Assert.Equal("Tóm tắt đang gõ", draft.Lead);
        Assert.Contains("tiếp công dân vào sáng thứ", draft.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("script", draft.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, draft.CategoryId);
        Assert.Equal("23/11/20", draft.PublishDate);

        // The next autosave of the same form writes into the same draft; another editor's goes to a draft of their own.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await AutosaveAsync(first, EditorForms.CreateUrl, NewAutosaveUrl, new() { ["Input.Title"] = "Thông báo lịch tiếp công dân tháng 12" });
        await AutosaveAsync(second, EditorForms.CreateUrl, NewAutosaveUrl, new() { ["Input.Title"] = "Bản tin của người khác" });

        var drafts = await app.WithDbAsync(db => db.EditorDrafts.AsNoTracking().Where(d => d.UserId == firstId || d.UserId == secondId)
            .OrderBy(d => d.Id).Select(d => new { d.UserId, d.Title, d.UpdatedAtUtc }).ToListAsync());
        Assert.Equal(2, drafts.Count);
        Assert.Equal((firstId, "Thông báo lịch tiếp công dân tháng 12"), (drafts[0].UserId, drafts[0].Title));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, drafts[0].UpdatedAtUtc);
        Assert.Equal((secondId, "Bản tin của người khác"), (drafts[1].UserId, drafts[1].Title));
    }

    [Fact]
    public async Task Autosave_WithoutTheAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        var (editor, userId) = await SignInAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Gửi từ trang lạ" });

        var response = await editor.PostAsync(new Uri(NewAutosaveUrl, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EditorDrafts.AnyAsync(d => d.UserId == userId)));
    }

    [Fact]
    public async Task Autosave_AfterTheSignInExpired_Answers401Json_NotTheSignInPage()
    {
        var (editor, userId) = await SignInAsync();
        var (_, page) = await Html.GetAsync(editor, EditorForms.CreateUrl);
        var token = Staff.AntiforgeryToken(page);

        // The sign-in ends while the form stays open (here: signed out in another tab).
        var signOut = await editor.PostFormAsync("/admin", "/tai-khoan/dang-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "Gõ dở khi đã hết phiên",
            ["__RequestVerificationToken"] = token,
        });
        var response = await editor.PostAsync(new Uri(NewAutosaveUrl, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("signed-out", json.RootElement.GetProperty("error").GetString());
        Assert.Contains("đăng nhập lại", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.EditorDrafts.AnyAsync(d => d.UserId == userId)));

        // Every other admin page still sends a signed-out browser to the sign-in page.
        var form = await app.CreateBrowser().GetAsync(new Uri(EditorForms.CreateUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("/tai-khoan/dang-nhap", form.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ReturnToTheForm_OffersTheDraft_AndRestoringFillsTheFormWithIt()
    {
        var (editor, _) = await SignInAsync();
        var id = await EditorForms.CreateAsync(editor, "Bản tin đang sửa dở", body: "<p>Nội dung đã đăng.</p>");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var savedAt = VietnamClock();
        await AutosaveAsync(editor, EditorForms.EditUrl(id), AutosaveUrl(id), new()
        {
            ["Input.Title"] = "Bản tin đang sửa dở (bản mới)",
            ["Input.Body"] = "<p>Nội dung đã đăng.</p><p>Đoạn mới gõ đến giữa câu thì</p>",
        });

        var (response, page) = await Html.GetAsync(editor, EditorForms.EditUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = page.QuerySelector("[data-test=draft-offer]");
        Assert.NotNull(offer);
        Assert.Equal($"Khôi phục bản nháp lưu lúc {savedAt}", page.Text("[data-test=draft-restore]"));
        Assert.Equal("Bỏ bản nháp", page.Text("[data-test=draft-discard]"));

        // The form itself still shows the stored bulletin until the editor chooses.
        Assert.Equal("Bản tin đang sửa dở", page.QuerySelector("input[data-test=title]")!.GetAttribute("value"));
        var (restoredResponse, restored) = await Html.GetAsync(editor, page.QuerySelector("[data-test=draft-restore]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, restoredResponse.StatusCode);
        Assert.Equal("Bản tin đang sửa dở (bản mới)", restored.QuerySelector("input[data-test=title]")!.GetAttribute("value"));
        Assert.Contains("Đoạn mới gõ đến giữa câu thì", restored.QuerySelector("textarea[data-test=body]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Đã khôi phục bản nháp tự lưu lúc {savedAt}", restored.Text("[data-test=draft-restored]"), StringComparison.Ordinal);
        Assert.Equal(EditorForms.EditUrl(id), restored.QuerySelector("form[data-test=article-form]")!.GetAttribute("action"));

        // Saving the restored form stores the draft's text.
        var save = await EditorForms.PostAsync(editor, EditorForms.EditUrl(id),
            EditorForms.FieldsOf(restored).Concat([new("Input.Intent", "publish")]).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal("Bản tin đang sửa dở (bản mới)", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task ReturnToANewBulletin_OffersItsDraft_AndDiscardingRemovesIt()
    {
        var (editor, userId) = await SignInAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var savedAt = VietnamClock();
        await AutosaveAsync(editor, EditorForms.CreateUrl, NewAutosaveUrl, new() { ["Input.Title"] = "Bản tin mới chưa lưu lần nào" });

        var (_, page) = await Html.GetAsync(editor, EditorForms.CreateUrl);
        Assert.Equal($"Khôi phục bản nháp lưu lúc {savedAt}", page.Text("[data-test=draft-restore]"));
        var discardForm = page.QuerySelector("[data-test=draft-discard-form]")!;
        var discard = await editor.PostFormAsync(EditorForms.CreateUrl, discardForm.GetAttribute("action")!, []);

        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EditorDrafts.AnyAsync(d => d.UserId == userId)));
        var (_, after) = await Html.GetAsync(editor, EditorForms.CreateUrl);
        Assert.Null(after.QuerySelector("[data-test=draft-offer]"));
    }

    [Fact]
    public async Task AnotherEditor_NeverSeesADraft()
    {
        var (owner, _) = await SignInAsync();
        var (other, _) = await SignInAsync();
        var id = await EditorForms.CreateAsync(owner, "Bản tin có bản nháp riêng");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        const string Secret = "Câu chỉ người viết được thấy";
        await AutosaveAsync(owner, EditorForms.EditUrl(id), AutosaveUrl(id), new() { ["Input.Body"] = $"<p>{Secret}</p>" });
        await AutosaveAsync(owner, EditorForms.CreateUrl, NewAutosaveUrl, new() { ["Input.Title"] = Secret });

        var (_, editPage) = await Html.GetAsync(other, EditorForms.EditUrl(id));
        var (_, newPage) = await Html.GetAsync(other, EditorForms.CreateUrl);
        var restoreEdit = await other.GetAsync(new Uri($"/admin/bai-viet/{id}/ban-tu-luu", UriKind.Relative));
        var restoreNew = await other.GetAsync(new Uri("/admin/bai-viet/tao-moi/ban-tu-luu", UriKind.Relative));

        Assert.Null(editPage.QuerySelector("[data-test=draft-offer]"));
        Assert.Null(newPage.QuerySelector("[data-test=draft-offer]"));
        Assert.DoesNotContain(Secret, editPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, newPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restoreEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, restoreNew.StatusCode);
        Assert.DoesNotContain(Secret, await restoreEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The owner still has both.
        var (_, ownersPage) = await Html.GetAsync(owner, EditorForms.EditUrl(id));
        Assert.NotNull(ownersPage.QuerySelector("[data-test=draft-offer]"));
    }

    [Fact]
    public async Task SavingTheBulletin_DeletesTheDraft()
    {
        var (editor, userId) = await SignInAsync();
        await AutosaveAsync(editor, EditorForms.CreateUrl, NewAutosaveUrl, new() { ["Input.Title"] = "Bản tin sắp lưu" });
        var id = await EditorForms.CreateAsync(editor, "Bản tin sắp lưu");
        Assert.False(await app.WithDbAsync(db => db.EditorDrafts.AnyAsync(d => d.UserId == userId)));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await AutosaveAsync(editor, EditorForms.EditUrl(id), AutosaveUrl(id), new() { ["Input.Title"] = "Bản tin sắp lưu (sửa)" });
        Assert.True(await app.WithDbAsync(db => db.EditorDrafts.AnyAsync(d => d.UserId == userId && d.ArticleId == id)));
        var save = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Bản tin sắp lưu (sửa)" }, "publish");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EditorDrafts.AnyAsync(d => d.UserId == userId)));
        var (_, page) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.Null(page.QuerySelector("[data-test=draft-offer]"));
    }

    [Fact]
    public async Task RestoredDraft_TypedBeforeSomeoneElseSaved_IsAConflictNotAnOverwrite()
    {
        var (editor, _) = await SignInAsync();
        var (colleague, _) = await SignInAsync();
        var id = await EditorForms.CreateAsync(editor, "Bản tin hai người cùng mở");
        await AutosaveAsync(editor, EditorForms.EditUrl(id), AutosaveUrl(id), new() { ["Input.Body"] = "<p>Bản nháp của người thứ nhất.</p>" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var colleagueSave = await EditorForms.SubmitAsync(colleague, EditorForms.EditUrl(id), new() { ["Input.Body"] = "<p>Bản người thứ hai đã lưu.</p>" }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, colleagueSave.StatusCode);

        var (_, restored) = await Html.GetAsync(editor, $"/admin/bai-viet/{id}/ban-tu-luu");
        var save = await EditorForms.PostAsync(editor, EditorForms.EditUrl(id), EditorForms.FieldsOf(restored).Concat([new("Input.Intent", "publish")]).ToDictionary());

        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Equal("<p>Bản người thứ hai đã lưu.</p>\n", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
    }

    /// <summary>The test clock in Vietnam time (UTC+7), as the form writes an autosave's time.</summary>
    private string VietnamClock() =>
        app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpClient Browser, string UserId)> SignInAsync()
    {
        var email = $"bien-tap-{Guid.NewGuid():N}@quan5.local";
        var browser = await app.SignInAsync(StaffRoles.Editor, email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (browser, userId);
    }

    /// <summary>Posts the fields as autosave.js does (url-encoded, the form's token in the body).</summary>
    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient browser, string formUrl, string autosaveUrl, Dictionary<string, string> fields)
    {
        var form = await EditorForms.ReadFormAsync(browser, formUrl);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        using var content = new FormUrlEncodedContent(form);
        var response = await browser.PostAsync(new Uri(autosaveUrl, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
