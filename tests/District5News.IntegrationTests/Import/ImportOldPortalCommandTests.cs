using System.IO.Compression;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Import;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Import;

/// <summary><c>import-old-portal</c>, run through the app's own services with its output captured.</summary>
public sealed class ImportOldPortalCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"d5news-import-{Guid.NewGuid():N}");

    public ImportOldPortalCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Run_FolderOfValidPages_ImportsThemAndExitsZero()
    {
        using var app = new NewsAppFactory();

        var (exit, output, _) = await RunAsync(app, "--path", ImportSamples.PathOf("folder"));

        Assert.Equal(0, exit);
        Assert.Contains("  Nhập mới: 2", output, StringComparison.Ordinal);
        Assert.Contains("Bộ đếm “Số lượt truy cập” trên trang trước khi nhập là 0; nay hiện 2.889.702", output, StringComparison.Ordinal);
        Assert.Contains("  Bản tin phường (/chuyen-muc/ban-tin-phuong)", output, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.All(await app.WithDbAsync(db => db.AuditEntries.Select(a => a.UserName).ToListAsync()),
            user => Assert.Equal(ImportOldPortalCommand.CommandName, user));
    }

    [Fact]
    public async Task Run_AnyFileSkipped_ExitsOneAndPrintsTheReason()
    {
        using var app = new NewsAppFactory();

        var (exit, output, _) = await RunAsync(app, "--path", ImportSamples.PathOf("broken-no-title.txt"));

        Assert.Equal(1, exit);
        Assert.Contains($"  broken-no-title.txt (dòng 11): {OldPortalPageParser.NoTitleReason}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DryRun_PrintsTheReportAndWritesNothing()
    {
        using var app = new NewsAppFactory();
        var before = await DatabaseSnapshot.TakeAsync(app);

        var (exit, output, _) = await RunAsync(app, "--path", ImportSamples.PathOf("folder"), "--dry-run");

        Assert.Equal(0, exit);
        Assert.StartsWith("Kết quả chạy thử", output, StringComparison.Ordinal);
        Assert.Contains("  Nhập mới: 2", output, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(app));
    }

    [Fact]
    public async Task Run_ZipFile_ImportsItsEntries()
    {
        using var app = new NewsAppFactory();
        var zip = Path.Combine(_temp, "luu-tru.zip");
        await File.WriteAllBytesAsync(zip, ImportSamples.Zip(
            ("2021/announcement.txt", ImportSamples.File("folder/announcement.txt").Content),
            ("2021/ward-news.txt", ImportSamples.File("folder/ward-news.txt").Content),
            ("__MACOSX/2021/._ward-news.txt", [0, 5, 22, 7, 0, 2])));

        var (exit, output, _) = await RunAsync(app, "--path", zip);

        Assert.Equal(0, exit);
        Assert.Contains("  luu-tru.zip/2021/announcement.txt → ", output, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Run_FolderWithHiddenFiles_LeavesThemOut()
    {
        using var app = new NewsAppFactory();
        Directory.CreateDirectory(Path.Combine(_temp, "trang", ".git"));
        File.Copy(ImportSamples.PathOf("folder/announcement.txt"), Path.Combine(_temp, "trang", "announcement.txt"));
        File.Copy(ImportSamples.PathOf("broken-binary.bin"), Path.Combine(_temp, "trang", ".DS_Store"));
        File.Copy(ImportSamples.PathOf("broken-empty.txt"), Path.Combine(_temp, "trang", ".git", "index"));

        var (exit, output, _) = await RunAsync(app, "--path", Path.Combine(_temp, "trang"));

        Assert.Equal(0, exit);
        Assert.Contains("  Bỏ qua: 0", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--path")]
    [InlineData("--dry-run")]
    [InlineData("--path", "--dry-run")]
    public async Task Run_WithoutPath_ExitsTwoWithUsage(params string[] args)
    {
        using var app = new NewsAppFactory();

        var (exit, output, error) = await RunAsync(app, args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(ImportOldPortalCommand.Usage, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MistypedOption_ExitsTwoAndImportsNothing()
    {
        using var app = new NewsAppFactory();

        var (exit, _, error) = await RunAsync(app, "--path", ImportSamples.PathOf("folder"), "--dryrun");

        Assert.Equal(2, exit);
        Assert.Contains("--dryrun", error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Run_PathThatDoesNotExist_ExitsTwo()
    {
        using var app = new NewsAppFactory();

        var (exit, _, error) = await RunAsync(app, "--path", Path.Combine(_temp, "khong-co"));

        Assert.Equal(2, exit);
        Assert.Contains("Không tìm thấy tệp hoặc thư mục", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyFolder_ExitsTwo()
    {
        using var app = new NewsAppFactory();

        var (exit, _, error) = await RunAsync(app, "--path", _temp);

        Assert.Equal(2, exit);
        Assert.Contains("Không có tệp nào để nhập", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ZipWithMoreEntriesThanAllowed_IsRefusedWithExitTwo()
    {
        using var app = new NewsAppFactory();
        var zip = Path.Combine(_temp, "qua-nhieu.zip");
        var page = ImportSamples.File("folder/announcement.txt").Content;
        var entries = Enumerable.Range(0, new ImportOptions().MaxFiles + 1).Select(i => ($"{i}.txt", page)).ToArray();
        await File.WriteAllBytesAsync(zip, ImportSamples.Zip(entries));

        var (exit, _, error) = await RunAsync(app, "--path", zip);

        Assert.Equal(2, exit);
        Assert.Contains("quá nhiều tệp", error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(NewsAppFactory app, params string[] args)
    {
        var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "import-old-portal");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command.RunAsync(["import-old-portal", .. args], TextReader.Null, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
