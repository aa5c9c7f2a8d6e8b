using System.Net;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Admin.Articles;

/// <summary>Publication times: scheduled bulletins appear by themselves when their time comes; back-dated ones take their place in the past.</summary>
public sealed class SchedulingTests(EditorAppFactory app) : IClassFixture<EditorAppFactory>
{
    [Fact]
    public async Task Scheduled_AppearsOnArticleAndCategoryPagesOnceTheClockPassesItsTime()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var at = now.AddMinutes(2).AddSeconds(-now.Second);
        var title = $"Thông báo hẹn giờ {Guid.NewGuid():N}";

        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl,
            EditorForms.Fields(title, "<p>Nội dung hẹn giờ.</p>", ArticleEditingTests.VietnamLocal(at), categoryId: TestArticles.Announcements), "publish");
        var id = EditorForms.IdFrom(response);

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(at, article.PublishedAtUtc);
        var reader = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(reader, id)).StatusCode);
        var (_, before) = await Html.GetAsync(reader, "/chuyen-muc/thong-bao");
        Assert.DoesNotContain(title, before.Body!.TextContent, StringComparison.Ordinal);
        var (_, form) = await Html.GetAsync(editor, EditorForms.EditUrl(id));
        Assert.Equal("Hẹn giờ đăng", form.Text("[data-test=state]"));

        app.Clock.Advance(TimeSpan.FromMinutes(3));

        var page = await EditorForms.GetPublicAsync(reader, id);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(title, (await Html.ParseAsync(page)).Text("[data-test=title]"));
        var (_, after) = await Html.GetAsync(reader, "/chuyen-muc/thong-bao");
        Assert.Contains(title, after.Body!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.ArticlePublished && e.TargetId == id.ToString()));
        Assert.Contains("hẹn giờ đăng lúc", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackDated_IsPublishedAtItsPastTimeAndListedAmongThatDaysBulletins()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var title = $"Tin cũ nhập lại {Guid.NewGuid():N}";

        var id = await EditorForms.CreateAsync(editor, title, publishAtVietnam: "2019-03-15T08:15", categoryId: TestArticles.WardNews);

        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(new DateTime(2019, 3, 15, 1, 15, 0, DateTimeKind.Utc), article.PublishedAtUtc);
        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(app.CreateBrowser(), id));
        Assert.Equal("15 Tháng Ba 2019 8:15:00 SA", page.Text("[data-test=published]"));
        var (_, day) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2019/03/15");
        Assert.Contains(title, day.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reschedule_PublishedToTheFuture_HidesItUntilThen()
    {
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Bản tin dời lịch đăng");
        var later = app.Clock.GetUtcNow().UtcDateTime.AddHours(5);

        await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.PublishAt"] = ArticleEditingTests.VietnamLocal(later) }, "publish");

        Assert.Equal(HttpStatusCode.NotFound, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(HttpStatusCode.OK, (await EditorForms.GetPublicAsync(app.CreateBrowser(), id)).StatusCode);
    }
}
