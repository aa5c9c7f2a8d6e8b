using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// A disk a test can fill and free under a running portal, the most real way this machine allows, and says which:
/// a real small disk (an 8 MB tmpfs mounted on a temp folder) filled to the last byte, so the database meets ENOSPC
/// exactly as on a full production disk (mounting needs CAP_SYS_ADMIN); else SQLite's own page limit on the portal's
/// connections (<see cref="SqliteFaultHook.Full"/>). Whichever runs, a write is checked to fail with SQLITE_FULL
/// before the test goes on: it never passes without the fault.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const int SqliteFull = 13;

    /// <summary>
    /// SQLITE_IOERR ("disk I/O error"): a CI run once got it instead of SQLITE_FULL from the same filled disk. SQLite
    /// reports an I/O error, not "full", when what ran out of room is not a plain write (growing a file it maps, for
    /// one). The portal treats both as a storage failure; the check before it holds either way.
    /// </summary>
    private const int SqliteIoError = 10;
    private readonly string _filler;
    private readonly ITestOutputHelper _output;
    private readonly bool _mounted;
    private FaultApp? _app;

    public SmallDisk(ITestOutputHelper output)
    {
        _output = output;
        Folder = Path.Combine(Path.GetTempPath(), $"d5news-disk-{Guid.NewGuid():N}");
        _filler = Path.Combine(Folder, "filler.bin");
        Directory.CreateDirectory(Folder);
        if (FaultApp.UnprivilegedOnly)
        {
            output.WriteLine("D5NEWS_TEST_UNPRIVILEGED_FAULTS=1: no small disk mounted.");
            return;
        }

        var (exit, error) = SystemCommand.Run("mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs", Folder);
        _mounted = exit == 0;
        if (!_mounted)
        {
            output.WriteLine($"mount -t tmpfs failed ({error.Trim()}): no small disk here.");
        }
        else if (new DriveInfo(Folder).TotalSize > 8 * 1024 * 1024)
        {
            output.WriteLine("The folder is not on the 8 MB disk just mounted.");
            Unmount();
            _mounted = false;
        }
    }

    public string Folder { get; }

    public string Mechanism => _mounted ? "8 MB tmpfs filled to the last byte (ENOSPC)" : "SQLite page limit (max_page_count)";

    /// <summary>Leaves no room for the portal's next write.</summary>
    public async Task FillAsync(FaultApp app)
    {
        _app = app;
        if (_mounted)
        {
            FillDisk();
        }
        else
        {
            app.Faults.Full = true;
        }

        _output.WriteLine($"Disk-full fault: {Mechanism}.");
        await app.AssertWritesRefusedAsync(_mounted ? [SqliteFull, SqliteIoError] : [SqliteFull]);
    }

    public void Free()
    {
        if (_mounted)
        {
            File.Delete(_filler);
        }
        else if (_app is not null)
        {
            _app.Faults.Full = false;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            Unmount();
        }

        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Writes a file until the disk has no byte left.</summary>
    private void FillDisk()
    {
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // ENOSPC: no room for another 64 KB; the smaller writes below take what is left.
        }

        foreach (var size in new[] { 4096, 512, 1 })
        {
            try
            {
                while (true)
                {
                    stream.Write(chunk.AsSpan(0, size));
                }
            }
            catch (IOException)
            {
                // Nothing more of this size fits.
            }
        }
    }

    private void Unmount()
    {
        if (SystemCommand.Run("umount", Folder).Exit != 0)
        {
            SystemCommand.Run("umount", "-l", Folder);
        }
    }
}
