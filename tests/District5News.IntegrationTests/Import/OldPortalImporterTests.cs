using System.Text;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Audit;
using District5News.Web.Features.Import;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Import;

/// <summary>
/// The importer over the real app and a real database (SQLite file, PostgreSQL database). Each test has its own app: imports move the site-wide
/// counter and create categories, so tests must not see each other's.
/// </summary>
public abstract class OldPortalImporterTests(DatabaseProvider provider)
{
    private static readonly DateTime AnnouncementUtc = new(2021, 5, 20, 1, 0, 0, DateTimeKind.Utc); // 8:00 SA Vietnam time

    [Fact]
    public async Task ImportFolder_Twice_SecondRunChangesNothing()
    {
        using var app = NewsAppFactory.On(provider);

        var first = await app.ImportPathAsync("folder");
        var afterFirst = await DatabaseSnapshot.TakeAsync(app);
        var second = await app.ImportPathAsync("folder");

        Assert.Equal((2, 0, 0, 0), (first.Imported, first.Updated, first.Unchanged, first.Skipped.Count));
        Assert.Equal(["announcement.txt", "ward-news.txt"], first.Bulletins.Select(b => b.FileName));
        Assert.Equal((0, 0, 2, 0), (second.Imported, second.Updated, second.Unchanged, second.Skipped.Count));
        Assert.Empty(second.CategoriesCreated);
        Assert.False(second.CounterChanged);
        Assert.Equal(afterFirst, await DatabaseSnapshot.TakeAsync(app));
    }

    [Fact]
    public async Task Import_PutsOldPortalPagesUnderUbndQuan5_TheDistrictsArchive()
    {
        using var app = NewsAppFactory.On(provider);

        var report = await app.ImportPathAsync("folder");

        var ids = report.Bulletins.Select(b => b.ArticleId).ToList();
        Assert.Equal(["quan-5", "quan-5"], await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Unit!.Slug).ToListAsync()));
        var (_, archive) = await app.GetAsReaderAsync("/don-vi/quan-5");
        Assert.Equal("Lưu trữ UBND Quận 5 (đến 30/06/2025)", archive.Text("[data-test=unit-title]"));
        Assert.Contains(ImportSamples.AnnouncementTitle, archive.Texts("[data-test=article-item] .article-link"));
        var (_, article) = await app.GetAsReaderAsync(report.Bulletins.Single(b => b.FileName == "announcement.txt").Url);
        Assert.Equal("Đơn vị đăng tin: UBND Quận 5", article.Text("[data-test=publisher]"));
    }

    [Fact]
    public async Task Import_NewBulletin_IsPublishedAtItsOriginalTimeWithRevisionAndAuditEntry()
    {
        using var app = NewsAppFactory.On(provider);

        var report = await app.ImportPathAsync("folder");

        var id = report.Bulletins.Single(b => b.FileName == "announcement.txt").ArticleId;
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(ImportSamples.AnnouncementTitle, article.Title);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(AnnouncementUtc, article.PublishedAtUtc);
        Assert.Equal(TestArticles.Announcements, article.CategoryId);
        Assert.Equal(OldPortalImporter.ImportedAuthorName, article.AuthorName);
        Assert.Equal(214, article.ImportedViews);
        Assert.Equal(0, article.Views);
        Assert.StartsWith("Thực hiện các biện pháp phòng, chống dịch COVID-19", article.Lead, StringComparison.Ordinal);
        Assert.StartsWith("<p>", article.BodyHtml, StringComparison.Ordinal);
        Assert.StartsWith("Trong thời gian này, tổ chức và công dân", ArticleHtml.ToPlainText(article.BodyHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("Thực hiện các biện pháp", ArticleHtml.ToPlainText(article.BodyHtml), StringComparison.Ordinal);

        var revision = await app.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().SingleAsync(r => r.ArticleId == id));
        Assert.Equal("Nhập từ tệp announcement.txt", revision.Note);
        Assert.Equal(article.BodyHtml, revision.BodyHtml);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.TargetId == id.ToString()));
        Assert.Equal(AuditActions.ArticleImported, audit.Action);
        Assert.Equal("test", audit.UserName);
        Assert.Contains("announcement.txt", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCorrectedFile_UpdatesBulletinAndKeepsPreviousVersion()
    {
        using var app = NewsAppFactory.On(provider);
        var first = await app.ImportPathAsync("folder");
        var id = first.Bulletins.Single(b => b.FileName == "announcement.txt").ArticleId;
        var versionBefore = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var report = await app.ImportPathAsync("corrected/announcement.txt");

        Assert.Equal((0, 1, 0), (report.Imported, report.Updated, report.Unchanged));
        Assert.Equal(id, report.Bulletins.Single().ArticleId);
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Contains("nộp hồ sơ trực tuyến qua Cổng", ArticleHtml.ToPlainText(article.BodyHtml), StringComparison.Ordinal);
        Assert.Equal(1502, article.ImportedViews);
        Assert.NotEqual(versionBefore, article.Version);
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));

        var revisions = await app.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["Nhập từ tệp announcement.txt", "Cập nhật từ tệp announcement.txt"], revisions.Select(r => r.Note));
        Assert.Contains("nộp hồ sơ trực tuyên qua Cổng", ArticleHtml.ToPlainText(revisions[0].BodyHtml), StringComparison.Ordinal);
        Assert.Contains("nộp hồ sơ trực tuyến qua Cổng", ArticleHtml.ToPlainText(revisions[1].BodyHtml), StringComparison.Ordinal);
        var details = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.TargetId == id.ToString()).OrderBy(a => a.Id)
            .Select(a => a.Details).ToListAsync());
        Assert.StartsWith("Cập nhật từ tệp announcement.txt", details[^1], StringComparison.Ordinal);

        var (_, page) = await Html.GetAsync(app.CreateBrowser(), report.Bulletins.Single().Url);
        Assert.Contains("nộp hồ sơ trực tuyến qua Cổng", page.Text("[data-test=body]"), StringComparison.Ordinal);
        Assert.DoesNotContain("trực tuyên", page.Text("[data-test=body]"), StringComparison.Ordinal);
        Assert.Equal("Số lượt người xem: 1.503", page.Text("[data-test=views]"));
    }

    [Fact]
    public async Task ArticlePage_ImportedBulletin_ShowsOriginalTimeAndImportedCountPlusNewViews()
    {
        using var app = NewsAppFactory.On(provider);
        var report = await app.ImportAsync(ImportSamples.File("valid-standard.txt"));
        var url = report.Bulletins.Single().Url;

        var (_, first) = await Html.GetAsync(app.CreateBrowser(), url);
        var (_, second) = await Html.GetAsync(app.CreateBrowser(), url);

        Assert.Equal("Bản tin quận", first.Text("[data-test=category]"));
        Assert.Equal("23 Tháng Mười Một 2020 3:45:00 CH", first.Text("[data-test=published]"));
        Assert.Equal(ImportSamples.StandardTitle, first.Text("[data-test=title]"));
        Assert.Equal("Số lượt người xem: 432", first.Text("[data-test=views]"));
        Assert.Equal("Số lượt người xem: 433", second.Text("[data-test=views]"));

        await app.FlushCountsAsync();
        var counts = await app.WithDbAsync(db => db.Articles.Select(a => new { a.ImportedViews, a.Views }).SingleAsync());
        Assert.Equal(new { ImportedViews = 431L, Views = 2L }, counts);
    }

    [Fact]
    public async Task ImportedBulletins_AreListedUnderTheirCategoryAndDayAndFoundBySearch()
    {
        using var app = NewsAppFactory.On(provider);
        var browser = app.CreateBrowser();
        await Html.GetAsync(browser, "/"); // the category menu is now cached; the import must refresh it

        await app.ImportPathAsync("folder");

        var (_, home) = await Html.GetAsync(browser, "/");
        Assert.NotNull(home.QuerySelector("a[href='/chuyen-muc/ban-tin-phuong']"));
        var (_, wardCategory) = await Html.GetAsync(browser, "/chuyen-muc/ban-tin-phuong");
        Assert.Contains(ImportSamples.WardNewsTitle, wardCategory.Texts("[data-test=article-item] .article-link"));
        var (_, wardDay) = await Html.GetAsync(browser, "/theo-ngay/2021/04/15");
        Assert.Contains(ImportSamples.WardNewsTitle, wardDay.Texts("[data-test=article-item] .article-link"));
        var (_, announcements) = await Html.GetAsync(browser, "/chuyen-muc/thong-bao");
        Assert.Contains(ImportSamples.AnnouncementTitle, announcements.Texts("[data-test=article-item] .article-link"));
        var (_, announcementDay) = await Html.GetAsync(browser, "/theo-ngay/2021/05/20");
        Assert.Contains(ImportSamples.AnnouncementTitle, announcementDay.Texts("[data-test=article-item] .article-link"));
        var (_, search) = await Html.GetAsync(browser, "/tim-kiem?q=hem+xanh");
        Assert.Contains(ImportSamples.WardNewsTitle, search.Text("[data-test=search-result]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitCounter_AfterImport_ContinuesFromLargestOldValue()
    {
        using var app = NewsAppFactory.On(provider);
        var reader = app.CreateBrowser();
        var (_, before) = await Html.GetAsync(reader, "/");
        Assert.Equal(1, before.VisitCounter());

        var report = await app.ImportPathAsync("folder"); // counters 02889702 and 00012345

        Assert.Equal(2889702, report.LargestOldCounter);
        Assert.Equal((0L, 2889702L), (report.CounterStartBefore, report.CounterStartAfter));
        var (_, samePerson) = await Html.GetAsync(reader, "/chuyen-muc/thong-bao");
        Assert.Equal(2889702 + 1, samePerson.VisitCounter());
        var (_, newPerson) = await Html.GetAsync(app.CreateBrowser(), "/theo-ngay/2021/05/20");
        Assert.Equal(2889702 + 2, newPerson.VisitCounter());

        await app.FlushCountsAsync();
        var counter = await app.WithDbAsync(db => db.SiteCounters.AsNoTracking().SingleAsync());
        Assert.Equal((2889702L, 2L), (counter.StartingVisits, counter.Visits));
    }

    [Fact]
    public async Task VisitCounter_SmallerOldValue_DoesNotLowerIt()
    {
        using var app = NewsAppFactory.On(provider);
        await app.ImportAsync(ImportSamples.File("folder/announcement.txt")); // 02889702

        var report = await app.ImportAsync(ImportSamples.File("folder/ward-news.txt")); // 00012345

        Assert.Equal(12345, report.LargestOldCounter);
        Assert.Equal((2889702L, 2889702L), (report.CounterStartBefore, report.CounterStartAfter));
        Assert.False(report.CounterChanged);
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/");
        Assert.Equal(2889702 + 1, page.VisitCounter());
    }

    [Fact]
    public async Task VisitCounter_AlreadyAboveOldValueThroughOwnVisits_IsLeftAlone()
    {
        using var app = NewsAppFactory.On(provider);
        await app.WithDbAsync(db => db.SiteCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Visits, 3_000_000L)));

        var report = await app.ImportPathAsync("folder");

        Assert.Equal(2, report.Imported);
        Assert.Equal((0L, 0L), (report.CounterStartBefore, report.CounterStartAfter));
        Assert.Equal(0, await app.WithDbAsync(db => db.SiteCounters.Select(s => s.StartingVisits).SingleAsync()));
    }

    [Fact]
    public async Task Import_BrokenFiles_AreSkippedWithNameLineAndReasonWhileTheRestImports()
    {
        using var app = NewsAppFactory.On(provider);

        var report = await app.ImportAsync(
            ImportSamples.File("broken-bad-month.txt"),
            ImportSamples.File("folder/announcement.txt"),
            ImportSamples.File("broken-no-date.txt"),
            ImportSamples.File("broken-binary.bin"),
            ImportSamples.File("folder/ward-news.txt"));

        Assert.Equal(2, report.Imported);
        Assert.Equal(
            [
                new SkippedFile("broken-bad-month.txt", 3, "Tên tháng không hợp lệ: Tháng Mươi Ba"),
                new SkippedFile("broken-no-date.txt", 0, OldPortalPageParser.NoTimeLineReason),
                new SkippedFile("broken-binary.bin", 0, OldPortalPageParser.NotTextReason),
            ],
            report.Skipped);
        Assert.Contains("  broken-bad-month.txt (dòng 3): Tên tháng không hợp lệ: Tháng Mươi Ba", report.ToLines());
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task DryRun_WritesNothingAndReportsWhatTheRealRunThenDoes()
    {
        using var app = NewsAppFactory.On(provider);
        var before = await DatabaseSnapshot.TakeAsync(app);

        var dryRun = await app.ImportPathAsync(string.Empty, dryRun: true); // every sample, broken ones included

        Assert.True(dryRun.DryRun);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(app));
        Assert.Contains("Kết quả chạy thử (không có gì được ghi vào cơ sở dữ liệu):", dryRun.ToLines());
        var (_, page) = await Html.GetAsync(app.CreateBrowser(), "/");
        Assert.Equal(1, page.VisitCounter());
        Assert.Null(page.QuerySelector("a[href='/chuyen-muc/ban-tin-phuong']"));

        var real = await app.ImportPathAsync(string.Empty);

        Assert.NotEqual(before, await DatabaseSnapshot.TakeAsync(app));
        Assert.True(dryRun.Imported > 0 && dryRun.Skipped.Count > 0 && dryRun.CategoriesCreated.Count > 0 && dryRun.CounterChanged);
        Assert.Equal(Summary(real), Summary(dryRun));
    }

    [Fact]
    public async Task Categories_AreMatchedByFoldedNameAndCreatedOnesReported()
    {
        using var app = NewsAppFactory.On(provider);
        var shouting = ImportSamples.Edited("valid-standard.txt", "in-hoa.txt", "Bản tin quận 23 Tháng", "BẢN TIN QUẬN 23 Tháng");

        var report = await app.ImportAsync(shouting, ImportSamples.File("folder/ward-news.txt"));

        var standard = report.Bulletins.Single(b => b.FileName == "in-hoa.txt");
        Assert.Equal("Bản tin quận", standard.CategoryName);
        Assert.Equal(TestArticles.DistrictBulletin, await app.WithDbAsync(db =>
            db.Articles.Where(a => a.Id == standard.ArticleId).Select(a => a.CategoryId).SingleAsync()));
        Assert.Equal([new CreatedCategory("Bản tin phường", "ban-tin-phuong")], report.CategoriesCreated);
        Assert.Contains("  Bản tin phường (/chuyen-muc/ban-tin-phuong)", report.ToLines());
        var created = await app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Slug == "ban-tin-phuong"));
        Assert.Equal(("Bản tin phường", "ban tin phuong", 7), (created.Name, created.FoldedName, created.SortOrder));

        // The created category is found again by its folded name: same bulletin, nothing new.
        var again = await app.ImportAsync(
            ImportSamples.Edited("folder/ward-news.txt", "khong-dau.txt", "Bản tin phường 15 Tháng", "BAN TIN PHUONG 15 Tháng"));

        Assert.Empty(again.CategoriesCreated);
        Assert.Equal(1, again.Unchanged);
        Assert.Equal(7, await app.WithDbAsync(db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task NewCategory_WhoseSlugIsTaken_GetsANumberedSlug()
    {
        using var app = NewsAppFactory.On(provider);

        // Folds to "thong bao ω", unlike "Thông báo", but its ASCII slug would be "thong-bao".
        var report = await app.ImportAsync(
            ImportSamples.Edited("folder/announcement.txt", "omega.txt", "Thông báo 20 Tháng", "Thông báo Ω 20 Tháng"));

        Assert.Equal([new CreatedCategory("Thông báo Ω", "thong-bao-2")], report.CategoriesCreated);
        var (response, _) = await Html.GetAsync(app.CreateBrowser(), "/chuyen-muc/thong-bao-2");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SamePage_UnderAnotherFileName_IsTheSameBulletin()
    {
        using var app = NewsAppFactory.On(provider);
        await app.ImportAsync(ImportSamples.File("folder/announcement.txt"));

        var report = await app.ImportAsync(("ban-sao-luu-lai.txt", ImportSamples.File("folder/announcement.txt").Content));

        Assert.Equal(new[] { ("ban-sao-luu-lai.txt", ImportOutcome.Unchanged) }, report.Bulletins.Select(b => (b.FileName, b.Outcome)));
    }

    [Fact]
    public async Task SamePage_WithDecomposedTitle_IsTheSameBulletin()
    {
        using var app = NewsAppFactory.On(provider);
        await app.ImportAsync(ImportSamples.File("folder/announcement.txt"));
        var decomposed = ImportSamples.Edited("folder/announcement.txt", "nfd.txt",
            ImportSamples.AnnouncementTitle, ImportSamples.AnnouncementTitle.Normalize(NormalizationForm.FormD));

        var report = await app.ImportAsync(decomposed);

        Assert.Equal(ImportOutcome.Unchanged, report.Bulletins.Single().Outcome);
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task SamePage_ThatLostItsViewCountLine_KeepsTheImportedCount()
    {
        using var app = NewsAppFactory.On(provider);
        await app.ImportAsync(ImportSamples.File("valid-standard.txt"));
        var withoutCount = ImportSamples.Edited("valid-standard.txt", "mat-dong.txt", "Số lượt người xem: 431", string.Empty);

        var report = await app.ImportAsync(withoutCount);

        Assert.Equal(ImportOutcome.Unchanged, report.Bulletins.Single().Outcome);
        Assert.Equal(431, await app.WithDbAsync(db => db.Articles.Select(a => a.ImportedViews).SingleAsync()));
    }

    [Fact]
    public async Task Import_LeavesDailyStatisticsUntouched()
    {
        using var app = NewsAppFactory.On(provider);
        await app.ImportAsync(ImportSamples.File("valid-standard.txt"));
        var reader = app.CreateBrowser();
        await Html.GetAsync(reader, "/");
        await Html.GetAsync(reader, (await app.WithDbAsync(db => db.Articles.Select(a => $"/tin-tuc/{a.Id}/{a.Slug}").SingleAsync())));
        await app.FlushCountsAsync();
        var before = await DatabaseSnapshot.TakeAsync(app);
        Assert.NotEmpty(before.DailyStats);
        Assert.NotEmpty(before.ArticleDailyViews);

        await app.ImportPathAsync("folder");
        await app.ImportPathAsync("corrected");
        await app.FlushCountsAsync();

        var after = await DatabaseSnapshot.TakeAsync(app);
        Assert.Equal(before.DailyStats, after.DailyStats);
        Assert.Equal(before.ArticleDailyViews, after.ArticleDailyViews);
        Assert.Equal(before.Visits, after.Visits);
        Assert.All(await app.WithDbAsync(db => db.Articles.Where(a => a.ImportedViews == 1502 || a.ImportedViews == 57)
            .Select(a => a.Views).ToListAsync()), views => Assert.Equal(0, views));
    }

    private static string Summary(ImportReport report) => string.Join('\n',
        report.Bulletins.Select(b => $"{b.FileName} {b.Outcome} {b.Title} {b.CategoryName} {b.PublishedAtUtc:O} {b.ImportedViews}")
            .Concat(report.Skipped.Select(s => s.ToString()))
            .Concat(report.CategoriesCreated.Select(c => c.ToString()))
            .Append($"{report.LargestOldCounter} {report.CounterStartBefore} {report.CounterStartAfter}"));

    public sealed class OnSqlite() : OldPortalImporterTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : OldPortalImporterTests(DatabaseProvider.PostgreSql);
}
