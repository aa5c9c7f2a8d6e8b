using System.Net;
using System.Net.Http.Headers;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Import;

/// <summary>"Nhập tin cũ" at /admin/nhap-du-lieu: administrators upload saved pages or zips and read the report.</summary>
public sealed class ImportPageTests
{
    private const string PageUrl = "/admin/nhap-du-lieu";

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var app = new NewsAppFactory();
        var browser = app.CreateBrowser();

        var get = await browser.GetAsync(new Uri(PageUrl, UriKind.Relative));
        var post = await PostAsync(browser, token: null, dryRun: false, ImportSamples.File("folder/announcement.txt"));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("https://localhost/tai-khoan/dang-nhap?ReturnUrl=%2Fadmin%2Fnhap-du-lieu", get.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Editor_IsForbidden()
    {
        using var app = new NewsAppFactory();
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var (_, dashboard) = await Html.GetAsync(editor, "/admin");

        var get = await editor.GetAsync(new Uri(PageUrl, UriKind.Relative));
        var post = await PostAsync(editor, Staff.AntiforgeryToken(dashboard), dryRun: false, ImportSamples.File("folder/announcement.txt"));
        var (deniedResponse, denied) = await Html.GetAsync(editor, get.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", get.Headers.Location.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, deniedResponse.StatusCode);
        Assert.Null(denied.QuerySelector("[data-test=import-form]"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Null(dashboard.QuerySelector($"[data-test=admin-menu] a[href='{PageUrl}']"));
    }

    [Fact]
    public async Task Administrator_SeesUploadForm()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var (response, page) = await Html.GetAsync(admin, PageUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nhập tin từ cổng cũ", page.Text("h1"));
        var form = page.QuerySelector("form[data-test=import-form]")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Equal(PageUrl, form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=file][name=Files][multiple]"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=DryRun]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("page", page.QuerySelector($"[data-test=admin-menu] a[href='{PageUrl}']")!.GetAttribute("aria-current"));
        Assert.Null(page.QuerySelector("[data-test=import-report]"));
    }

    [Fact]
    public async Task Upload_SeveralFiles_ImportsThemAndShowsTheReport()
    {
        using var app = new NewsAppFactory();
        var email = $"quantri-{Guid.NewGuid():N}@quan5.local";
        var admin = await app.SignInAsync(StaffRoles.Administrator, email);

        var response = await UploadAsync(admin, dryRun: false,
            ImportSamples.File("folder/announcement.txt"), ImportSamples.File("folder/ward-news.txt"), ImportSamples.File("broken-no-date.txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var report = page.QuerySelector("[data-test=import-report]")!;
        Assert.Equal("false", report.GetAttribute("data-dry-run"));
        Assert.Equal("2", page.Text("[data-test=imported-count]"));
        Assert.Equal("0", page.Text("[data-test=updated-count]"));
        Assert.Equal("1", page.Text("[data-test=skipped-count]"));
        Assert.Equal("1", page.Text("[data-test=categories-created-count]"));
        Assert.Equal("broken-no-date.txt", page.Text("[data-test=skipped-item] [data-test=file]"));
        Assert.Equal("Không tìm thấy dòng chuyên mục và thời gian đăng", page.Text("[data-test=skipped-item] [data-test=reason]"));
        Assert.Equal(["Bản tin phường"], page.Texts("[data-test=created-category]"));
        Assert.Equal("2889702", page.QuerySelector("[data-test=counter-start]")!.GetAttribute("data-value"));
        Assert.Contains("2.889.702", page.Text("[data-test=counter-start]"), StringComparison.Ordinal);
        var links = page.QuerySelectorAll("[data-test=bulletin-item] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        var (articleResponse, article) = await Html.GetAsync(app.CreateBrowser(), links[0]);
        Assert.Equal(HttpStatusCode.OK, articleResponse.StatusCode);
        Assert.Equal(ImportSamples.AnnouncementTitle, article.Text("[data-test=title]"));

        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserName == email && a.Action == "article.imported")));
    }

    [Fact]
    public async Task Upload_Zip_ImportsItsEntries()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var zip = ImportSamples.Zip(
            ("announcement.txt", ImportSamples.File("folder/announcement.txt").Content),
            ("phuong/ward-news.txt", ImportSamples.File("folder/ward-news.txt").Content));

        var response = await UploadAsync(admin, dryRun: false, ("luu-tru.zip", zip));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("2", page.Text("[data-test=imported-count]"));
        Assert.Equal("0", page.Text("[data-test=skipped-count]"));
        Assert.Contains("luu-tru.zip/phuong/ward-news.txt", page.Texts("[data-test=bulletin-item] .file-name"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Upload_SameFilesAgain_ReportsThemUnchanged()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        await UploadAsync(admin, dryRun: false, ImportSamples.File("folder/announcement.txt"));

        var response = await UploadAsync(admin, dryRun: false, ImportSamples.File("folder/announcement.txt"));

        var page = await Html.ParseAsync(response);
        Assert.Equal("0", page.Text("[data-test=imported-count]"));
        Assert.Equal("1", page.Text("[data-test=unchanged-count]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Upload_DryRun_ShowsTheReportAndWritesNothing()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var before = await DatabaseSnapshot.TakeAsync(app);

        var response = await UploadAsync(admin, dryRun: true, ImportSamples.File("folder/announcement.txt"), ImportSamples.File("folder/ward-news.txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-test=dry-run-notice]"));
        Assert.Equal("2", page.Text("[data-test=imported-count]"));
        Assert.Empty(page.QuerySelectorAll("[data-test=bulletin-item] a"));
        Assert.NotNull(page.QuerySelector("input[name=DryRun][checked]"));
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(app));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRejected()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var response = await PostAsync(admin, token: null, dryRun: false, ImportSamples.File("folder/announcement.txt"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Upload_NoFileChosen_AsksForOne()
    {
        using var app = new NewsAppFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);

        var response = await UploadAsync(admin, dryRun: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Hãy chọn ít nhất một tệp", page.Text("[data-test=import-error]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_IsRefusedWithAClearMessage()
    {
        using var app = new LimitedImportFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var big = new byte[LimitedImportFactory.MaxUploadBytes + 1];

        var response = await UploadAsync(admin, dryRun: false, ("lon.txt", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Dung lượng tải lên vượt quá giới hạn 4 KB", page.Text("[data-test=import-error]"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-test=import-form]"));
    }

    [Fact]
    public async Task Upload_OverTheSizeLimitWithoutDeclaredLength_IsRefusedWithAClearMessage()
    {
        using var app = new LimitedImportFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var (_, formPage) = await Html.GetAsync(admin, PageUrl);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Staff.AntiforgeryToken(formPage)), "__RequestVerificationToken" },
            { new StreamContent(new UnknownLengthStream(new byte[LimitedImportFactory.MaxUploadBytes * 2])), "Files", "lon.txt" },
        };

        var response = await admin.PostAsync(new Uri(PageUrl, UriKind.Relative), form);

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("vượt quá giới hạn 4 KB", page.Text("[data-test=import-error]"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Upload_ZipBomb_IsRefusedWithAClearMessageAndNothingImported()
    {
        using var app = new LimitedImportFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var zip = ImportSamples.Zip(
            ("announcement.txt", ImportSamples.File("folder/announcement.txt").Content),
            ("zeros.txt", new byte[256 * 1024])); // a few hundred bytes compressed

        var response = await UploadAsync(admin, dryRun: false, ("bom.zip", zip));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Tệp nén bom.zip bị từ chối", page.Text("[data-test=import-error]"), StringComparison.Ordinal);
        Assert.Contains("bom nén", page.Text("[data-test=import-error]"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-test=import-report]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Upload_ZipWithTooManyEntries_IsRefusedWithAClearMessage()
    {
        using var app = new LimitedImportFactory();
        var admin = await app.SignInAsync(StaffRoles.Administrator);
        var entries = Enumerable.Range(1, LimitedImportFactory.MaxFiles + 1).Select(i => ($"{i}.txt", new byte[] { (byte)'x' })).ToArray();

        var response = await UploadAsync(admin, dryRun: false, ("nhieu.zip", ImportSamples.Zip(entries)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("quá nhiều tệp", page.Text("[data-test=import-error]"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, bool dryRun, params (string Name, byte[] Content)[] files)
    {
        var (_, page) = await Html.GetAsync(client, PageUrl);
        return await PostAsync(client, Staff.AntiforgeryToken(page), dryRun, files);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, bool dryRun, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/plain");
            form.Add(part, "Files", name);
        }

        if (dryRun)
        {
            form.Add(new StringContent("true"), "DryRun");
        }

        return await client.PostAsync(new Uri(PageUrl, UriKind.Relative), form);
    }

    /// <summary>A body whose length is not known up front, so the client sends it chunked, without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }

    /// <summary>The app with import limits small enough to cross in a test.</summary>
    private sealed class LimitedImportFactory : NewsAppFactory
    {
        public const int MaxUploadBytes = 4096;
        public const int MaxFiles = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Import:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Import:MaxFiles", MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Import:MaxTotalBytes", "65536");
        }
    }
}
