using System.IO.Compression;
using System.Text;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Import;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Import;

/// <summary>The old portal's sample pages (shared with the parser's unit tests) and shortcuts to import them.</summary>
public static class ImportSamples
{
    /// <summary>folder/announcement.txt: "Thông báo", 20 Tháng Năm 2021 8:00:00 SA, 214 views, counter 02889702.</summary>
    public const string AnnouncementTitle = "Thông báo tạm ngưng tiếp nhận hồ sơ trực tiếp tại Bộ phận Một cửa quận";

    /// <summary>folder/ward-news.txt: "Bản tin phường" (not a standard category), 15 Tháng Tư 2021 2:00:00 CH, 57 views, counter 00012345.</summary>
    public const string WardNewsTitle = "Phường 2 ra mắt mô hình “Tuyến hẻm xanh - sạch - đẹp”";

    /// <summary>valid-standard.txt: "Bản tin quận", 23 Tháng Mười Một 2020 3:45:00 CH, 431 views, counter 28897020.</summary>
    public const string StandardTitle = "Quận 5 ra quân chỉnh trang vỉa hè tuyến đường Hải Thượng Lãn Ông";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Import", "Samples");

    public static string PathOf(string name) => Path.Combine(Folder, name.Replace('/', Path.DirectorySeparatorChar));

    public static (string Name, byte[] Content) File(string name) => (Path.GetFileName(name), System.IO.File.ReadAllBytes(PathOf(name)));

    /// <summary>A sample with some of its text replaced, e.g. to rename its category.</summary>
    public static (string Name, byte[] Content) Edited(string name, string newName, string find, string replace)
    {
        var text = Encoding.UTF8.GetString(System.IO.File.ReadAllBytes(PathOf(name)));
        Assert.Contains(find, text, StringComparison.Ordinal);
        return (newName, Encoding.UTF8.GetBytes(text.Replace(find, replace, StringComparison.Ordinal)));
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static Task<ImportReport> ImportAsync(this NewsAppFactory app, bool dryRun, params (string Name, byte[] Content)[] files) =>
        app.ExecuteScopeAsync(services => services.GetRequiredService<OldPortalImporter>().ImportAsync(files, dryRun, "test", CancellationToken.None));

    public static Task<ImportReport> ImportAsync(this NewsAppFactory app, params (string Name, byte[] Content)[] files) =>
        app.ImportAsync(dryRun: false, files);

    /// <summary>Imports a sample folder or file the way the command reads it.</summary>
    public static Task<ImportReport> ImportPathAsync(this NewsAppFactory app, string sample, bool dryRun = false)
    {
        var files = new ImportFileReader(new ImportOptions()).ReadPath(PathOf(sample));
        return app.ExecuteScopeAsync(services => services.GetRequiredService<OldPortalImporter>().ImportAsync(files, dryRun, "test", CancellationToken.None));
    }
}
