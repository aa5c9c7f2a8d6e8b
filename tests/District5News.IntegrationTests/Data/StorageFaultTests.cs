using System.Net;
using AngleSharp.Html.Dom;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The database turning read-only (<see cref="ReadOnlyStorage"/>) or its disk filling (<see cref="SmallDisk"/>) under
/// the running portal: readers keep reading, a save answers 503 with everything typed, other writes answer 503, and the
/// counts kept in memory reach the database once it takes writes again, without a restart and without counting twice.
/// Each fault is made for real where the machine allows it and by SQLite itself otherwise; the output says which.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"d5news-fault-{Guid.NewGuid():N}");
    private readonly ITestOutputHelper _output;

    public StorageFaultTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task ReadOnlyDatabase_ViewsCountedMeanwhile_ArriveOnceItIsWritableAgain()
    {
        using var app = new FaultApp(Path.Combine(_folder, "news.db"));
        var article = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Phường An Đông ra quân dọn vệ sinh", new DateTime(2026, 11, 18, 8, 0, 0)));
        var url = $"/tin-tuc/{article.Id}/{article.Slug}";
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        await app.FlushCountsAsync();
        var before = await StoredCountsAsync(app, article.Id);
        using var storage = new ReadOnlyStorage(app, _output);

        // A long outage: the pool has dropped idle connections and opens new ones for readers, which open read-only.
        await storage.ProtectAsync();
        for (var reader = 0; reader < 3; reader++)
        {
            var browser = app.CreateBrowser();
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(app.FlushCountsAsync);
        Assert.True(StorageFailure.Is(refused), $"The flush failed, but not with a storage failure: {refused}");
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), url);
        Assert.Equal("Số lượt người xem: 5", page.Text("[data-test=views]")); // 1 stored, 3 waiting in memory, this one

        storage.Release();
        await app.FlushCountsAsync();
        await app.FlushCountsAsync(); // nothing left: a second flush adds nothing

        var after = await StoredCountsAsync(app, article.Id);
        Assert.Equal(
            new StoredCounts(before.ArticleViews + 4, before.Visits + 4, before.PageViews + 7, before.ArticleDayViews + 4), after);
    }

    [Fact]
    public async Task ReadOnlyDatabase_SaveAnswers503WithEverythingTyped_ReadersStillRead_OtherWritesAnswer503()
    {
        using var app = new FaultApp(Path.Combine(_folder, "news.db"));
        var existing = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Bản tin đã đăng trước sự cố", new DateTime(2026, 11, 18, 8, 0, 0)));
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var typed = EditorForms.Fields(
            "Thông báo lịch tiếp công dân tháng 12",
            "<p>Ủy ban nhân dân phường Chợ Lớn thông báo lịch tiếp công dân.</p><p>Đoạn thứ hai, gõ tay.</p>",
            publishAtVietnam: "2026-12-01T07:30",
            categoryId: TestArticles.Announcements,
            lead: "Lịch tiếp công dân định kỳ của phường.");
        using var storage = new ReadOnlyStorage(app, _output);

        await storage.ProtectAsync();
        var save = await EditorForms.SubmitAsync(admin, EditorForms.CreateUrl, typed, "publish");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
        Assert.NotNull(save.Headers.RetryAfter);
        var form = await Html.ParseAsync(save);
        Assert.StartsWith("Không lưu được", form.Text("[data-test=not-saved-message]"), StringComparison.Ordinal);
        Assert.Contains("Nội dung bạn nhập vẫn còn nguyên", form.Text("[data-test=not-saved-message]"), StringComparison.Ordinal);
        Assert.Equal(typed["Input.Title"], ((IHtmlInputElement)form.QuerySelector("[data-test=title]")!).Value);
        Assert.Equal(typed["Input.Lead"], ((IHtmlTextAreaElement)form.QuerySelector("[data-test=lead]")!).Value);
        Assert.Equal(typed["Input.Body"], ((IHtmlTextAreaElement)form.QuerySelector("[data-test=body]")!).Value);
        Assert.Equal(typed["Input.CategoryId"], ((IHtmlSelectElement)form.QuerySelector("[data-test=category]")!).Value);
        // The typed "2026-12-01T07:30" comes back in the day and time fields.
        Assert.Equal("01/12/2026", ((IHtmlInputElement)form.QuerySelector("[data-test=publish-date]")!).Value);
        Assert.Equal("07:30", ((IHtmlInputElement)form.QuerySelector("[data-test=publish-time]")!).Value);

        var reader = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EditorForms.GetPublicAsync(reader, existing.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/chuyen-muc/ban-tin-quan", UriKind.Relative))).StatusCode);

        var trash = await admin.PostFormAsync(EditorForms.EditUrl(existing.Id), $"/admin/bai-viet/{existing.Id}/xoa", []);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, trash.StatusCode);
        Assert.Contains("Máy chủ tạm thời không ghi được dữ liệu", (await Html.ParseAsync(trash)).Text("[data-test=error-message]"), StringComparison.Ordinal);
        var account = await admin.PostFormAsync("/admin/tai-khoan/tao-moi", "/admin/tai-khoan/tao-moi", new()
        {
            ["Email"] = "bientap-moi@quan5.local",
            ["DisplayName"] = "Biên tập viên mới",
            ["Role"] = StaffRoles.Editor,
            ["Password"] = Staff.Password,
            ["ConfirmPassword"] = Staff.Password,
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, account.StatusCode);

        storage.Release();
        var fields = EditorForms.FieldsOf(form); // the form sent back, as it stands, saved again
        fields["Input.Intent"] = "publish";
        var again = await EditorForms.PostAsync(admin, EditorForms.CreateUrl, fields);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Title == typed["Input.Title"]).ToListAsync());
        var bulletin = Assert.Single(saved);
        Assert.Equal(typed["Input.Lead"], bulletin.Lead);
        Assert.Equal(TestArticles.Announcements, bulletin.CategoryId);
        Assert.Equal(ArticleStatus.Published, bulletin.Status);
        Assert.Null(await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Id == existing.Id).Select(a => a.DeletedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task DiskFull_ViewsCountedMeanwhile_ArriveOnceThereIsSpace_SaveAnswers503()
    {
        using var disk = new SmallDisk(_output);
        using var app = new FaultApp(Path.Combine(disk.Folder, "news.db"));
        var article = await app.WithDbAsync(db => TestArticles.AddAsync(db, "Phường Chợ Lớn tổ chức hội thao", new DateTime(2026, 11, 18, 8, 0, 0)));
        var url = $"/tin-tuc/{article.Id}/{article.Slug}";
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await app.FlushCountsAsync();
        var before = await StoredCountsAsync(app, article.Id);
        // An empty write-ahead log: the next write needs new space, as on a disk that filled since the last checkpoint.
        Assert.Equal(0L, await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var checkpoint = db.Database.GetDbConnection().CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);"; // first column: 1 when it could not finish
            return (long)(await checkpoint.ExecuteScalarAsync())!;
        }));

        await disk.FillAsync(app);
        for (var reader = 0; reader < 3; reader++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(app.FlushCountsAsync);
        Assert.True(refused.GetBaseException() is SqliteException { SqliteErrorCode: 13 }, $"Expected SQLITE_FULL: {refused}");
        var save = await EditorForms.SubmitAsync(admin, EditorForms.CreateUrl,
            EditorForms.Fields("Bản tin gõ khi ổ đĩa đầy", "<p>Nội dung gõ khi ổ đĩa đầy.</p>", categoryId: TestArticles.WardNews), "publish");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
        Assert.Equal("Bản tin gõ khi ổ đĩa đầy", ((IHtmlInputElement)(await Html.ParseAsync(save)).QuerySelector("[data-test=title]")!).Value);

        disk.Free();
        await app.FlushCountsAsync();

        var after = await StoredCountsAsync(app, article.Id);
        Assert.Equal(new StoredCounts(before.ArticleViews + 3, before.Visits + 3, before.PageViews + 3, before.ArticleDayViews + 3), after);
    }

    private static Task<StoredCounts> StoredCountsAsync(NewsAppFactory app, int articleId) => app.WithDbAsync(async db => new StoredCounts(
        await db.Articles.Where(a => a.Id == articleId).Select(a => a.Views).SingleAsync(),
        await db.SiteCounters.Select(s => s.Visits).SingleAsync(),
        await db.DailyStats.SumAsync(d => d.PageViews),
        await db.ArticleDailyViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views)));

    private sealed record StoredCounts(long ArticleViews, long Visits, long PageViews, long ArticleDayViews);
}
