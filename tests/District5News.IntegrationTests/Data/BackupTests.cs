using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Backups;
using District5News.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// <c>backup</c> while editors save bulletins with covers and residents are counted, then <c>restore</c> (run as the
/// operator runs it) into a new instance: every bulletin, revision, count and file of the moment copied is there.
/// </summary>
public abstract class BackupTests(DatabaseProvider provider) : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly string _folder = Directory.CreateTempSubdirectory("d5news-backup-test-").FullName;
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Backup_DuringSavesAndCounting_RestoresEveryBulletinRevisionCountAndFile()
    {
        var app = Own(new App(TestDatabase.Create(provider), Path.Combine(_folder, "uploads")));
        var editor = await app.SignInAsync(StaffRoles.Editor);
        var seeded = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            seeded.Add(await CreateWithCoverAsync(editor, $"Bản tin có sẵn số {i + 1}", i));
        }

        // Editors keep saving new bulletins (each with its cover and a second revision) and residents keep reading.
        var saved = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = await CreateWithCoverAsync(editor, $"Bản tin đang viết số {i + 1}", 100 + i);
                var edit = await EditorForms.SubmitAsync(editor, EditorForms.EditUrl(id), new() { ["Input.Lead"] = $"Tóm tắt sửa lần hai {i}." }, "publish");
                Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
                saved.Enqueue(id);
            }
        });
        var reading = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await EditorForms.GetPublicAsync(app.CreateBrowser(), seeded[i % seeded.Count])).StatusCode);
                if (i % 3 == 2)
                {
                    await app.FlushCountsAsync();
                }
            }
        });
        while (saved.Count < 2)
        {
            await Task.Delay(10);
        }

        var savedBefore = saved.ToList();
        var (viewsBefore, visitsBefore) = await StoredCountsAsync(app);
        var archive = Path.Combine(_folder, "d5-backup.tar.gz");
        var (exit, output) = await RunAsync(app, BackupCommand.CommandName, "--to", archive);
        var (viewsAfter, visitsAfter) = await StoredCountsAsync(app);
        while (saved.Count < savedBefore.Count + 2)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writing, reading);
        Assert.True(exit == 0, output);

        // A new instance: a database that does not exist yet and an empty uploads folder, restored by the command.
        var restored = TestDatabase.Create(provider);
        var restoredUploads = Path.Combine(_folder, "restored-uploads");
        var (restoreExit, restoreOutput, restoreError) = await PortalProcess.RunToEndAsync(
            restored is TestDatabase.SqliteFile file ? file.Path : "unused", Settings(restored, restoredUploads), RestoreCommand.CommandName, "--from", archive);
        Assert.True(restoreExit == 0, restoreOutput + restoreError);
        var copy = Own(new App(restored, restoredUploads));

        var manifest = ReadManifest(archive);
        var live = await app.WithDbAsync(db => db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.Title, a.CoverImagePath, Revisions = db.ArticleRevisions.Count(r => r.ArticleId == a.Id) }).ToListAsync());
        var back = await copy.WithDbAsync(db => db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.Title, a.CoverImagePath, Revisions = db.ArticleRevisions.Count(r => r.ArticleId == a.Id) }).ToListAsync());
        var (views, visits) = await StoredCountsAsync(copy);

        // Every bulletin saved before the backup began, nothing that never existed, each one whole.
        Assert.Superset(seeded.Concat(savedBefore).ToHashSet(), back.Select(a => a.Id).ToHashSet());
        Assert.Subset(live.Select(a => a.Id).ToHashSet(), back.Select(a => a.Id).ToHashSet());
        // A bulletin finished before the backup began is restored exactly as it is now; one being written while the copy
        // was taken may lack its second save (the copy is of one moment), never have more than the live one.
        var finishedBefore = seeded.Concat(savedBefore).ToHashSet();
        Assert.All(back, a =>
        {
            var now = live.Single(l => l.Id == a.Id);
            if (finishedBefore.Contains(a.Id))
            {
                Assert.Equal(now, a);
            }
            else
            {
                Assert.Equal((now.Title, now.CoverImagePath), (a.Title, a.CoverImagePath));
                Assert.InRange(a.Revisions, 0, now.Revisions);
            }
        });
        Assert.Equal(manifest.Bulletins, back.Count);
        Assert.Equal(manifest.Revisions, back.Sum(a => a.Revisions));

        // The counts of one moment between the backup's start and its end, as its manifest says.
        Assert.InRange(views, viewsBefore, viewsAfter);
        Assert.InRange(visits, visitsBefore, visitsAfter);
        Assert.Equal((manifest.BulletinViews, manifest.SiteVisits), (views, visits));

        // Every cover, byte for byte, served by the new instance.
        Assert.Empty(manifest.MissingUploads);
        foreach (var cover in back.Select(a => a.CoverImagePath!))
        {
            var image = await copy.CreateBrowser().GetAsync(new Uri(cover, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.UploadsPath, cover["/uploads/".Length..])), await image.Content.ReadAsByteArrayAsync());
        }

        var page = await Html.ParseAsync(await EditorForms.GetPublicAsync(copy.CreateBrowser(), seeded[0]));
        Assert.Equal("Bản tin có sẵn số 1", page.Text("h1"));
    }

    [Fact]
    public async Task Restore_IntoAnInstanceWithData_RefusesAndChangesNothing()
    {
        var app = Own(new App(TestDatabase.Create(provider), Path.Combine(_folder, "uploads")));
        var editor = await app.SignInAsync(StaffRoles.Editor);
        await CreateWithCoverAsync(editor, "Bản tin trước khi sao lưu", 1);
        var archive = Path.Combine(_folder, "d5-backup.tar.gz");
        Assert.Equal(0, (await RunAsync(app, BackupCommand.CommandName, "--to", archive)).Exit);
        await CreateWithCoverAsync(editor, "Bản tin sau khi sao lưu", 2);

        var (exit, output, error) = await PortalProcess.RunToEndAsync(
            app.Database is TestDatabase.SqliteFile file ? file.Path : "unused", Settings(app.Database, Path.Combine(_folder, "empty-uploads")),
            RestoreCommand.CommandName, "--from", archive);

        Assert.True(exit == 1, output + error);
        Assert.Contains("restore only into a new", error, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static async Task<int> CreateWithCoverAsync(HttpClient editor, string title, int n)
    {
        var response = await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, EditorForms.Fields(title, $"<p>Nội dung {n}.</p>"), "publish",
            new EditorForms.Upload($"anh-{n}.png", "image/png", Png));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return EditorForms.IdFrom(response);
    }

    private static Task<(long Views, long Visits)> StoredCountsAsync(NewsAppFactory app) => app.WithDbAsync(async db => (
        await db.Articles.SumAsync(a => a.Views),
        await db.SiteCounters.Select(s => s.Visits).SingleAsync()));

    private static async Task<(int Exit, string Output)> RunAsync(NewsAppFactory app, string command, params string[] args)
    {
        var output = new StringWriter();
        var portalCommand = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == command);
        var exit = await portalCommand.RunAsync([command, .. args], TextReader.Null, output, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private static Dictionary<string, string> Settings(TestDatabase database, string uploads) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["ConnectionStrings__News"] = database.ConnectionString,
        ["Uploads__Path"] = uploads,
    };

    private static BackupManifest ReadManifest(string archive)
    {
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var entry = tar.GetNextEntry()!;
        Assert.Equal(BackupManifest.EntryName, entry.Name);
        return BackupManifest.FromJson(entry.DataStream!)!;
    }

    private sealed class App(TestDatabase database, string uploadsPath) : NewsAppFactory(database)
    {
        public string UploadsPath => uploadsPath;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Uploads:Path", uploadsPath);
        }
    }

    public sealed class OnSqlite() : BackupTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : BackupTests(DatabaseProvider.PostgreSql);
}
