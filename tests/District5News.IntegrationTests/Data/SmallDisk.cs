using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// A real, small disk (an 8 MB tmpfs mounted on a temp folder) that a test can fill to the last byte and free again:
/// the database on it meets ENOSPC exactly as on a full production disk. Mounting needs root with CAP_SYS_ADMIN; where
/// that is missing the test fails saying so, it never passes without the fault.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _filler;
    private bool _mounted;

    public SmallDisk()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"d5news-disk-{Guid.NewGuid():N}");
        _filler = Path.Combine(Folder, "filler.bin");
        Directory.CreateDirectory(Folder);
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs", Folder);
        Assert.True(exit == 0,
            $"mount -t tmpfs failed ({error.Trim()}). This test fills a real small disk: it needs root with CAP_SYS_ADMIN.");
        _mounted = true;
    }

    public string Folder { get; }

    /// <summary>Writes a file until the disk has no byte left.</summary>
    public void Fill()
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

    public void Free() => File.Delete(_filler);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted && Run("umount", Folder).Exit != 0)
        {
            Run("umount", "-l", Folder);
        }

        Directory.Delete(Folder, recursive: true);
    }

    private static (int Exit, string Error) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
