using System.Diagnostics;

namespace District5News.IntegrationTests.Data;

/// <summary>Runs a system program (mount, chattr) for a fault test: its exit code and what it wrote on standard error.</summary>
internal static class SystemCommand
{
    public static (int Exit, string Error) Run(string program, params string[] args)
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
