using System.Diagnostics;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// Makes a database folder read-only under a running portal, as a disk remounted read-only after an error does: the
/// immutable attribute (chattr +i) on the database file, its write-ahead log and the folder. It stops writes through
/// files that are already open and stops root too (the tests run as root, where chmod stops nothing); the -shm index
/// stays writable, as SQLite needs it to read a WAL database. Needs CAP_LINUX_IMMUTABLE and a file system that keeps
/// the attribute (ext4, xfs, btrfs): where that is missing the test fails saying so, it never passes without the fault.
/// </summary>
public sealed class ReadOnlyStorage(string databasePath) : IDisposable
{
    private bool _protected;

    private IEnumerable<string> Targets =>
        [databasePath, databasePath + "-wal", Path.GetDirectoryName(databasePath)!];

    public void Protect()
    {
        Assert.True(File.Exists(databasePath + "-wal"),
            "The database has no write-ahead log open: the portal should hold it in WAL mode while it runs.");
        _protected = true;
        foreach (var target in Targets)
        {
            Chattr("+i", target);
        }

        // The fault must be real: the file refuses writes, even to root, even through a new handle.
        var refused = false;
        try
        {
            using var stream = new FileStream(databasePath + "-wal", FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            refused = true;
        }

        Assert.True(refused, "chattr +i did not make the write-ahead log read-only here; the test cannot make the fault.");
    }

    public void Release()
    {
        if (!_protected)
        {
            return;
        }

        foreach (var target in Targets)
        {
            Chattr("-i", target);
        }

        _protected = false;
    }

    public void Dispose() => Release();

    private static void Chattr(string flag, string path)
    {
        var info = new ProcessStartInfo("chattr") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(flag);
        info.ArgumentList.Add(path);
        string error;
        int exit;
        try
        {
            using var process = Process.Start(info)!;
            error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            exit = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            error = ex.Message;
            exit = -1;
        }

        Assert.True(exit == 0,
            $"chattr {flag} {path} failed ({error.Trim()}). This test needs chattr (e2fsprogs), root with CAP_LINUX_IMMUTABLE and "
            + "a file system that supports the immutable attribute for its temp folder (ext4, xfs, btrfs).");
    }
}
