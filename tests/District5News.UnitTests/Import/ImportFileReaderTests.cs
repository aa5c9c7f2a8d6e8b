using System.IO.Compression;
using System.Text;
using District5News.Web.Features.Import;

namespace District5News.UnitTests.Import;

public sealed class ImportFileReaderTests : IDisposable
{
    private static readonly ImportOptions Defaults = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"d5news-reader-{Guid.NewGuid():N}");

    public ImportFileReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadPath_Folder_ReadsEveryFileRecursivelyByRelativeNameLeavingHiddenOnesOut()
    {
        Write("b.txt", "b");
        Write("a/c.txt", "c");
        Write("a/.~lock.c.txt#", "lock");
        Write(".git/HEAD", "ref");
        Write(".DS_Store", "x");

        var files = new ImportFileReader(Defaults).ReadPath(_folder);

        Assert.Equal(["a/c.txt", "b.txt"], files.Select(f => f.Name));
        Assert.Equal("c", Encoding.UTF8.GetString(files[0].Content));
        Assert.All(files, f => Assert.Null(f.Problem));
    }

    [Fact]
    public void ReadPath_SingleFile_IsNamedByItsFileName()
    {
        var path = Write("trang/tin.txt", "nội dung");

        var file = Assert.Single(new ImportFileReader(Defaults).ReadPath(path));

        Assert.Equal("tin.txt", file.Name);
        Assert.Equal("nội dung", Encoding.UTF8.GetString(file.Content));
    }

    [Fact]
    public void ReadPath_Missing_IsRefused()
    {
        var ex = Assert.Throws<ImportSourceException>(() => new ImportFileReader(Defaults).ReadPath(Path.Combine(_folder, "khong-co")));

        Assert.StartsWith("Không tìm thấy tệp hoặc thư mục", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPath_Zip_ExpandsEntriesInNameOrderSkippingFoldersAndMacResourceForks()
    {
        var zip = WriteZip("luu.zip", ("2021/b.txt", "b"), ("2021/a.txt", "a"), ("2021/", string.Empty),
            ("__MACOSX/2021/._a.txt", "fork"), (@"win\c.txt", "c"));

        var files = new ImportFileReader(Defaults).ReadPath(zip);

        Assert.Equal(["luu.zip/2021/a.txt", "luu.zip/2021/b.txt", "luu.zip/win/c.txt"], files.Select(f => f.Name));
    }

    [Fact]
    public void ReadPath_ZipByContentWithoutZipExtension_IsExpandedToo()
    {
        var zip = WriteZip("luu-khong-duoi", ("a.txt", "a"));

        var file = Assert.Single(new ImportFileReader(Defaults).ReadPath(zip));

        Assert.Equal("luu-khong-duoi/a.txt", file.Name);
    }

    [Fact]
    public void ReadPath_DamagedZip_IsReportedAsAProblemNotRefused()
    {
        var path = Write("hong.zip", "PK this is not really a zip");

        var file = Assert.Single(new ImportFileReader(Defaults).ReadPath(path));

        Assert.Equal(ImportFileReader.DamagedZipReason, file.Problem);
    }

    [Fact]
    public void ReadPath_FileOverTheSizeLimit_IsSkippedUnread()
    {
        var path = Write("lon.txt", new string('x', 2048));

        var file = Assert.Single(new ImportFileReader(new ImportOptions { MaxFileBytes = 1024 }).ReadPath(path));

        Assert.Equal(ImportFileReader.TooLargeReason, file.Problem);
        Assert.Empty(file.Content);
    }

    [Fact]
    public void ReadPath_MoreFilesThanAllowed_IsRefused()
    {
        var zip = WriteZip("nhieu.zip", ("1.txt", "1"), ("2.txt", "2"), ("3.txt", "3"));

        var ex = Assert.Throws<ImportSourceException>(() => new ImportFileReader(new ImportOptions { MaxFiles = 2 }).ReadPath(zip));

        Assert.Contains("quá nhiều tệp", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPath_ZipInflatingPastTheTotalLimit_IsRefusedAsAZipBomb()
    {
        var zip = WriteZip("bom.zip", ("a.txt", new string('0', 600_000)), ("b.txt", new string('0', 600_000)));

        var ex = Assert.Throws<ImportSourceException>(() =>
            new ImportFileReader(new ImportOptions { MaxTotalBytes = 1_000_000 }).ReadPath(zip));

        Assert.StartsWith("Tệp nén bom.zip bị từ chối", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bom nén", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportOptions_FormatSize_UsesMegabytesOrKilobytes()
    {
        Assert.Equal("50 MB", ImportOptions.FormatSize(50L * 1024 * 1024));
        Assert.Equal("1.024 MB", ImportOptions.FormatSize(1024L * 1024 * 1024));
        Assert.Equal("4 KB", ImportOptions.FormatSize(4096));
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteZip(string name, params (string Entry, string Text)[] entries)
    {
        var path = Path.Combine(_folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }

        return path;
    }
}
