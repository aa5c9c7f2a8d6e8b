using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>Writing bulletins through the real form: what is stored, what the public sees, what is refused.</summary>
public abstract class ArticleEditingTests(EditorAppFactory app)
{
    [Fact]
    public async Task Create_Publish_IsStoredWithAuthorAndShownToThePublic()
    {
        var email = $"tac-gia-{Guid.NewGuid():N}@quan5.local";
        var editor = await app.SignInAsync(StaffRoles.Editor, email);

        var id = await EditorForms.CreateAsync(editor, "Phường 1 ra quân vệ sinh môi trường", body: "<p>Đoạn một.</p><p>Đoạn <strong>hai</strong>.</p>",
            lead: "Sáng nay, phường ra quân.");

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(email, article.AuthorName);
        Assert.Equal(email, article.UpdatedBy);
        Assert.NotNull(article.AuthorId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, article.PublishedAtUtc);
        Assert.Equal("phuong-1-ra-quan-ve-sinh-moi-truong", article.Slug);
        Assert.Contains("doan mot", article.SearchBody, StringComparison.Ordinal);
        var response = await EditorForms.GetPublicAsync(app.CreateBrowser(), id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Phường 1 ra quân vệ sinh môi trường", page.Text("[data-test=title]"));
        Assert.Equal(["Đoạn một.", "Đoạn hai."], page.QuerySelectorAll("[data-test=body] p").Select(p => p.TextContent).ToArray());
    }

    [Fact]
    public async Task Create_Draft_IsNotPublicAndHasNoChosenTime()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var id = await EditorForms.CreateAsync(editor, "Bản nháp chưa đăng", intent: "draft");

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAtUtc);
        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);
        var fields = await EditorForms.ReadFormAsync(editor, EditorForms.EditUrl(id));
        Assert.Equal(string.Empty, fields["Input.PublishDate"]);
        Assert.Equal(string.Empty, fields["Input.PublishTime"]);
    }

    [Fact]
    public async Task Publish_DraftSavedEarlier_IsPublishedAtThePublishingMomentNotTheDraftsTime()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Nháp viết sáng nay", intent: "draft");
        app.Clock.Advance(TimeSpan.FromHours(3));

        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), [], "publish");

        var publishedAt = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAtUtc).SingleAsync());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, publishedAt);
    }

    [Fact]
    public async Task Create_MissingTitleAndBadTime_Is400WithMessagesAndKeepsTypedText()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl,
            EditorForms.Fields(string.Empty, "<p>Nội dung tôi đã gõ rất lâu.</p>", publishAtVietnam: "ngày mai", lead: "Tóm tắt đã gõ."), "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Vui lòng nhập tiêu đề.", page.Text("[data-test=error-Title]"), StringComparison.Ordinal);
        Assert.Contains("Thời điểm đăng không hợp lệ", page.Text("[data-test=error-PublishAt]"), StringComparison.Ordinal);
        Assert.Contains("Nội dung tôi đã gõ rất lâu.", page.QuerySelector("[data-test=body]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tóm tắt đã gõ.", page.QuerySelector("[data-test=lead]")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Publish_EmptyBody_IsRefused()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, EditorForms.Fields("Bản tin không có nội dung", "<p> </p>"), "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng nhập nội dung bản tin trước khi đăng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_XssThroughTheRealForm_IsStoredAndShownClean()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        const string body = "<p>An toàn</p><script>alert('xss')</script><img src=x onerror=\"alert(1)\">"
            + "<a href=\"jav&#x09;ascript:alert(1)\">liên kết</a><p style=\"display:none\">Đoạn bị ẩn</p>"
            + "<iframe src=\"https://evil.example/\"></iframe><svg onload=alert(1)></svg>"
            + "<form action=\"https://evil.example/\"><input name=\"mk\"></form><a href=\"data:text/html,abc\">dữ liệu</a>";

        var id = await EditorForms.CreateAsync(editor, "Bản tin thử mã độc", body: body);

        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
        Assert.DoesNotContain("alert", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Đoạn bị ẩn</p>", stored, StringComparison.Ordinal);
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        var articleBody = page.QuerySelector("[data-test=body]")!;
        Assert.Empty(articleBody.QuerySelectorAll("script, iframe, svg, form, input, [style], [onerror], [onload]"));
        Assert.All(articleBody.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("script", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("An toàn", articleBody.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_PastedWordHtml_KeepsItsParagraphs()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        const string pasted = "<p class=MsoNormal style='margin-bottom:0cm'><span lang=VI style='font-size:13.0pt;font-family:\"Times New Roman\"'>"
            + "Đoạn thứ nhất từ Word.</span><o:p></o:p></p>\r\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\r\n"
            + "<p class=MsoNormal style='text-align:justify'><span style='font-size:13.0pt'>Đoạn thứ hai từ Word.</span></p>\r\n"
            + "<p class=MsoNormal><span style='font-size:13.0pt'>Đoạn thứ ba từ Word.</span></p>";

        var id = await EditorForms.CreateAsync(editor, "Bản tin dán từ Word", body: pasted);

        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        Assert.Equal(["Đoạn thứ nhất từ Word.", "Đoạn thứ hai từ Word.", "Đoạn thứ ba từ Word."],
            page.QuerySelectorAll("[data-test=body] p").Select(p => p.TextContent.Trim()).ToArray());
        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
        Assert.DoesNotContain("Mso", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("span", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_PlainTextWithoutJavaScript_BecomesParagraphs()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var id = await EditorForms.CreateAsync(editor, "Bản tin gõ không có JavaScript", body: "Dòng một.\r\nDòng hai.\r\n\r\nDòng ba.");

        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
        Assert.Equal("<p>Dòng một.</p>\n<p>Dòng hai.</p>\n<p>Dòng ba.</p>\n", stored);
    }

    [Fact]
    public async Task Save_DecomposedVietnamese_IsStoredComposed()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var decomposed = "Tuyên giáo".Normalize(System.Text.NormalizationForm.FormD);

        var id = await EditorForms.CreateAsync(editor, decomposed, body: $"<p>{decomposed}</p>");

        var article = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => new { a.Title, a.BodyHtml }).SingleAsync());
        Assert.Equal("Tuyên giáo", article.Title);
        Assert.Equal("<p>Tuyên giáo</p>\n", article.BodyHtml);
    }

    [Fact]
    public async Task Edit_Unpublish_HidesItAndWritesAudit()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin sẽ bị gỡ");

        var response = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), [], "unpublish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);
        Assert.Equal(ArticleStatus.Unpublished, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        var actions = await AuditActionsForAsync(id);
        Assert.Equal([AuditActions.ArticleCreated, AuditActions.ArticlePublished, AuditActions.ArticleUnpublished], actions);
    }

    [Fact]
    public async Task Edit_TextChange_WritesEditedAuditAndRevisionWithPreviousAuthor()
    {
        var first = $"nguoi-mot-{Guid.NewGuid():N}@quan5.local";
        var second = $"nguoi-hai-{Guid.NewGuid():N}@quan5.local";
        var editorOne = await app.SignInAsync(StaffRoles.Editor, first);
        var editorTwo = await app.SignInAsync(StaffRoles.Editor, second);
        var id = await EditorForms.CreateAsync(editorOne, "Bản tin trước khi sửa");
        var createdAt = app.Clock.GetUtcNow().UtcDateTime;
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        await EditorForms.SubmitAsync(editorTwo, EditorForms.EditUrl(id), new() { ["Input.Title"] = "Bản tin sau khi sửa" }, "publish");

        var revision = await app.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().SingleAsync(r => r.ArticleId == id));
        Assert.Equal("Bản tin trước khi sửa", revision.Title);
        Assert.Equal(first, revision.SavedBy);
        Assert.Equal(createdAt, revision.SavedAtUtc);
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(second, article.UpdatedBy);
        Assert.Equal(first, article.AuthorName);
        var edited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.ArticleEdited && e.TargetId == id.ToString()));
        Assert.Equal(second, edited.UserName);
    }

    [Fact]
    public async Task Edit_NothingChanged_KeepsVersionAndAddsNoRevision()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin lưu lại y nguyên");
        var version = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var response = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), [], "publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(version, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Edit_TextOnly_KeepsAPublicationTimeThatHasSeconds()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        app.Clock.Advance(TimeSpan.FromSeconds(37.5));
        var id = await EditorForms.CreateAsync(editor, "Bản tin đăng lúc có giây");
        var publishedAt = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAtUtc).SingleAsync());

        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Lead"] = "Tóm tắt sửa lại." }, "publish");

        Assert.Equal(publishedAt, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedAtUtc).SingleAsync()));
        Assert.Equal([AuditActions.ArticleCreated, AuditActions.ArticlePublished, AuditActions.ArticleEdited], await AuditActionsForAsync(id));
    }

    [Fact]
    public async Task Edit_MissingArticle_Is404()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);

        var (response, _) = await Html.GetAsync(editor, EditorForms.EditUrl(987654));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByStatusCategoryAuthorAndFoldedText()
    {
        var email = $"loc-{Guid.NewGuid():N}@quan5.local";
        var editor = await app.SignInAsync(StaffRoles.Editor, email);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var published = await EditorForms.CreateAsync(editor, $"Tuyên giáo {tag} đã đăng", categoryId: 2);
        var draft = await EditorForms.CreateAsync(editor, $"Tuyên giáo {tag} bản nháp", intent: "draft", categoryId: 2);
        var scheduledAt = VietnamLocal(app.Clock.GetUtcNow().UtcDateTime.AddDays(3));
        var scheduled = await EditorForms.CreateAsync(editor, $"Tuyên giáo {tag} hẹn giờ", publishAtVietnam: scheduledAt, categoryId: 3);
        var authorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        async Task<int[]> IdsAsync(string query)
        {
            var (response, page) = await Html.GetAsync(editor, "/admin/bai-viet?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return page.QuerySelectorAll("[data-test=article-row]").Select(r => int.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }

        Assert.Equal([scheduled, draft, published], await IdsAsync($"q=tuyen+giao+{tag}"));
        Assert.Equal([scheduled], await IdsAsync($"q=TUYÊN+{tag}&status=scheduled"));
        Assert.Equal([draft], await IdsAsync($"q={tag}&status=draft"));
        Assert.Equal([published], await IdsAsync($"q={tag}&status=published"));
        Assert.Equal([draft, published], await IdsAsync($"q={tag}&category=2"));
        Assert.Equal([scheduled, draft, published], await IdsAsync($"author={authorId}"));
        var (_, list) = await Html.GetAsync(editor, $"/admin/bai-viet?q={tag}");
        Assert.Equal(["Hẹn giờ đăng", "Bản nháp", "Đã đăng"], list.Texts("[data-test=row-state]"));
    }

    [Fact]
    public async Task List_IsPagedWithTheSharedPager()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(db => TestArticles.AddSeriesAsync(db, 25, new DateTime(2025, 1, 1, 8, 0, 0), TestArticles.WardNews, $"Trang {tag}"));

        var (_, first) = await Html.GetAsync(editor, $"/admin/bai-viet?q={tag}");
        var (_, second) = await Html.GetAsync(editor, $"/admin/bai-viet?q={tag}&page=2");
        var (bad, _) = await Html.GetAsync(editor, $"/admin/bai-viet?q={tag}&page=0");

        Assert.Equal(20, first.QuerySelectorAll("[data-test=article-row]").Length);
        Assert.Equal($"/admin/bai-viet?q={tag}&page=2", first.QuerySelector("[data-test=pager] a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(5, second.QuerySelectorAll("[data-test=article-row]").Length);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    internal static string VietnamLocal(DateTime utc) =>
        Web.Features.Vietnamese.VietnamTime.ToVietnam(utc).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<string>> AuditActionsForAsync(int id) => app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(e => e.TargetType == AuditTargets.Article && e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    public sealed class OnSqlite(EditorAppFactory app) : ArticleEditingTests(app), IClassFixture<EditorAppFactory>;

    public sealed class OnPostgreSql(EditorAppFactory.OnPostgreSql app) : ArticleEditingTests(app), IClassFixture<EditorAppFactory.OnPostgreSql>;
}
