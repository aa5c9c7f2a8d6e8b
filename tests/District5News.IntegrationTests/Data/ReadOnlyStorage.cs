using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// Makes the database read-only under a running portal, the most real way this machine allows, and says which:
/// <list type="number">
/// <item>chattr +i on the database file, its write-ahead log and the folder, as a disk remounted read-only after an
/// error: it stops root too and writes through files already open. Needs CAP_LINUX_IMMUTABLE and a file system that
/// keeps the attribute (ext4, xfs, btrfs).</item>
/// <item>Else chmod: the same files and folder without write permission, which stops a user without CAP_DAC_OVERRIDE
/// (the usual CI runner). Connections opened before keep writing, so the pools are cleared.</item>
/// <item>Else SQLite's own read-only mode for the portal's new connections (<see cref="SqliteFaultHook.ReadOnly"/>).</item>
/// </list>
/// In the first two SQLite itself opens the portal's read-write connections read-only, which is what the portal's
/// StorageFailureConnectionInterceptor must keep out of the pool; the third keeps its read-only connections in a pool
/// of their own, so it tests the 503s, the kept counts and the recovery, not that interceptor. The -shm index stays
/// writable throughout, as SQLite needs it to read a WAL database. Whichever runs, a write is checked to fail with
/// SQLITE_READONLY before the test goes on: it never passes without the fault.
/// </summary>
public sealed class ReadOnlyStorage(FaultApp app, ITestOutputHelper output) : IDisposable
{
    private const int SqliteReadOnly = 8;
    private Action? _release;

    public string Mechanism { get; private set; } = "none";

    private string[] Targets => [app.DatabasePath, app.DatabasePath + "-wal", Path.GetDirectoryName(app.DatabasePath)!];

    public async Task ProtectAsync()
    {
        // Other test classes clear every SQLite pool in the process when they end; when the portal's last connection
        // closes, SQLite folds the log back into the file and deletes it. A read through the portal opens it again,
        // as the running portal's connections keep it open in production.
        for (var attempt = 0; attempt < 5 && !File.Exists(app.DatabasePath + "-wal"); attempt++)
        {
            await app.WithDbAsync(db => db.Categories.CountAsync());
        }

        Assert.True(File.Exists(app.DatabasePath + "-wal"),
            "The database has no write-ahead log open: the portal should hold it in WAL mode while it runs.");
        if (FaultApp.UnprivilegedOnly)
        {
            output.WriteLine("D5NEWS_TEST_UNPRIVILEGED_FAULTS=1: file-system faults skipped.");
        }
        else if (TryImmutable() || TryWithoutWritePermission())
        {
            // Connections opened before the fault hold files open for writing; a long outage has dropped them anyway.
            SqliteConnection.ClearAllPools();
        }

        if (_release is null)
        {
            app.Faults.ReadOnly = true;
            _release = () => app.Faults.ReadOnly = false;
            Mechanism = "SQLite read-only mode (Mode=ReadOnly on the portal's new connections)";
        }

        output.WriteLine($"Read-only fault: {Mechanism}.");
        await app.AssertWritesRefusedAsync(SqliteReadOnly);
    }

    public void Release()
    {
        var release = _release;
        _release = null;
        release?.Invoke();
    }

    public void Dispose() => Release();

    private bool TryImmutable()
    {
        var done = new List<string>();
        _release = () => done.ForEach(target => Chattr("-i", target));
        foreach (var target in Targets)
        {
            var (exit, error) = Chattr("+i", target);
            if (exit != 0)
            {
                output.WriteLine($"chattr +i {target} failed ({error.Trim()}): no immutable attribute here.");
                Release();
                return false;
            }

            done.Add(target);
        }

        return Kept("chattr +i (immutable attribute)");
    }

    private bool TryWithoutWritePermission()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var modes = Targets.ToDictionary(t => t, File.GetUnixFileMode);
        _release = () =>
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            foreach (var (target, mode) in modes)
            {
                File.SetUnixFileMode(target, mode);
            }
        };
        foreach (var (target, mode) in modes)
        {
            File.SetUnixFileMode(target, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }

        return Kept("chmod a-w (no write permission)");
    }

    /// <summary>Keeps the fault just made if the write-ahead log now refuses a new writer; undoes it otherwise.</summary>
    private bool Kept(string mechanism)
    {
        try
        {
            using var stream = new FileStream(app.DatabasePath + "-wal", FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            Mechanism = mechanism;
            return true;
        }

        output.WriteLine($"{mechanism} did not stop writes here.");
        Release();
        return false;
    }

    private static (int Exit, string Error) Chattr(string flag, string path) => SystemCommand.Run("chattr", flag, path);
}
