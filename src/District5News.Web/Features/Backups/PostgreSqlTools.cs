using System.Diagnostics;
using Npgsql;

namespace District5News.Web.Features.Backups;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore against the portal's database, with the connection taken from
/// ConnectionStrings:News (passed in PG* variables, so the password never shows in a process list). The newest
/// Debian-installed version is preferred (/usr/lib/postgresql/N/bin): pg_dump must be at least the server's version.
/// </summary>
public static class PostgreSqlTools
{
    private static readonly TimeSpan Patience = TimeSpan.FromHours(2);

    public static async Task RunAsync(string program, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder connection, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Set(start, "PGHOST", connection.Host);
        Set(start, "PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(start, "PGUSER", connection.Username);
        Set(start, "PGPASSWORD", connection.Password);
        Set(start, "PGPASSFILE", connection.Passfile);
        Set(start, "PGDATABASE", connection.Database);
        if (connection.SslMode != SslMode.Prefer)
        {
            Set(start, "PGSSLMODE", connection.SslMode.ToString().ToLowerInvariant() switch
            {
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                var mode => mode,
            });
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        await process.WaitForExitAsync(patience.Token);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{program} failed ({process.ExitCode}): {(await error).Trim()}{(await output).Trim()}");
        }
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }

    private static string Find(string program)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", program))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? program;
    }
}

/// <summary>A backup or restore that cannot go on, with the one line that says why.</summary>
public sealed class BackupException(string message) : Exception(message);
