using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run: initdb in a temporary folder, started on a free port of
/// 127.0.0.1 the first time a test asks for it, stopped and deleted by a watchdog when the test process has ended
/// (however it ended: the test host may be killed once the run is over, before any exit handler finishes). Each factory gets
/// its own database in it (<see cref="NewDatabaseName"/>). initdb and the server refuse to run as root, so under root
/// (CI) they run as the postgres user, which owns the folder. Durability is switched off (fsync, synchronous commit):
/// the cluster lives only as long as the run.
/// </summary>
public sealed class PostgreSqlCluster
{
    private static readonly Lazy<PostgreSqlCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private PostgreSqlCluster(string folder, string bin, bool asPostgresUser, int port)
    {
        _folder = folder;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public static PostgreSqlCluster Instance => Shared.Value;

    public int Port { get; }

    /// <summary>A name for a database no other factory of this run uses; the portal creates it (Database:CreateIfMissing).</summary>
    public static string NewDatabaseName() => $"d5news_{Guid.NewGuid():N}";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>Drops <paramref name="database"/>, closing whatever connections are still open to it.</summary>
    public void DropDatabase(string database)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""DROP DATABASE IF EXISTS "{database.Replace("\"", "\"\"", StringComparison.Ordinal)}" WITH (FORCE)""";
        command.ExecuteNonQuery();
    }

    private static PostgreSqlCluster Start()
    {
        var bin = FindBin();
        var asPostgresUser = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("d5news-pg-").FullName;
        var port = FreePort();
        var cluster = new PostgreSqlCluster(folder, bin, asPostgresUser, port);
        try
        {
            if (asPostgresUser)
            {
                Run("chown", ["postgres:", folder], asPostgres: false, folder);
            }

            var data = Path.Combine(folder, "data");
            cluster.RunPostgres("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            cluster.RunPostgres("pg_ctl", [
                "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off "
                    + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start",
            ]);
        }
        catch
        {
            cluster.StopNow();
            throw;
        }

        cluster.StopAfterThisProcess();
        return cluster;
    }

    /// <summary>
    /// A detached shell that waits for this process to end, then stops the server and deletes the folder. Its output
    /// goes to /dev/null so the test host's pipes close when the test host does.
    /// </summary>
    private void StopAfterThisProcess()
    {
        var stop = $"{PostgresCommand("pg_ctl")} -D '{_folder}/data' -m immediate -w stop";
        var watchdog = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{_folder}'";
        Run("sh", ["-c", $"setsid sh -c \"{watchdog}\" </dev/null >/dev/null 2>&1 &"], asPostgres: false, _folder);
    }

    private void StopNow()
    {
        try
        {
            RunPostgres("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Not started: the folder is removed all the same.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string PostgresCommand(string program) =>
        _asPostgresUser ? $"runuser -u postgres -- {Path.Combine(_bin, program)}" : Path.Combine(_bin, program);

    private void RunPostgres(string program, string[] arguments) => Run(Path.Combine(_bin, program), arguments, _asPostgresUser, _folder);

    private static void Run(string program, string[] arguments, bool asPostgres, string workingDirectory)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");

        // pg_ctl's server keeps the inherited pipes open: read to the end only the programs that end with their output.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    /// <summary>The newest installed server's programs (Debian's postgresql package), or D5NEWS_PG_BIN.</summary>
    private static string FindBin()
    {
        var configured = Environment.GetEnvironmentVariable("D5NEWS_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/install-test-deps.sh, or set D5NEWS_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
