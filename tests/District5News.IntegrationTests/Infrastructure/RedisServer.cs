using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway Redis for the whole test run, like <see cref="PostgreSqlCluster"/>: redis-server (Debian's
/// redis-server package, installed by scripts/install-test-deps.sh) on a free port of 127.0.0.1 in a temporary folder,
/// nothing saved to disk, stopped and the folder deleted by a watchdog once the test process has ended. Tests keep
/// apart by key prefix (PageCache:RedisKeyPrefix), not by server.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private RedisServer(int port) => Port = port;

    public static RedisServer Instance => Shared.Value;

    /// <summary>redis-server, or null when it is not installed (the tests that need it are then skipped, saying why).</summary>
    public static string? Program { get; } = Find();

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>A key prefix no other test of this run uses.</summary>
    public static string NewKeyPrefix() => $"t{Guid.NewGuid():N}:";

    private static RedisServer Start()
    {
        var program = Program ?? throw new InvalidOperationException("redis-server is not installed: run scripts/install-test-deps.sh.");
        var folder = Directory.CreateTempSubdirectory("d5news-redis-").FullName;
        var port = FreePort();
        var pidFile = Path.Combine(folder, "redis.pid");
        Run(program, [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
            "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", pidFile,
            "--logfile", Path.Combine(folder, "redis.log"),
        ]);

        var watchdog = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; kill $(cat '{pidFile}'); sleep 1; rm -rf '{folder}'";
        Run("sh", ["-c", $"setsid sh -c \"{watchdog}\" </dev/null >/dev/null 2>&1 &"]);
        WaitUntilItAnswers(port);
        return new RedisServer(port);
    }

    private static void WaitUntilItAnswers(int port)
    {
        var giveUpAt = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < giveUpAt)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= giveUpAt)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {port} within 30 s.");
            }

            Thread.Sleep(50);
        }
    }

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A test that needs redis-server: skipped, saying how to install it, only where it is not installed (CI installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Program is null)
        {
            Skip = "redis-server is not installed: run scripts/install-test-deps.sh (CI does).";
        }
    }
}
