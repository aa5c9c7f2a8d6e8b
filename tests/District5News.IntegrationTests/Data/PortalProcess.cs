using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The portal as an operator runs it: <c>dotnet District5News.Web.dll</c> from the app's own build output (same
/// configuration as the tests), in Production unless told otherwise, over a given SQLite file.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    /// <summary>Bound on how long a start or a command may take before the test gives up (not a timing assertion).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private PortalProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public Uri? BaseAddress { get; private init; }

    /// <summary>The built app: src/District5News.Web/bin/{Release|Debug}/net10.0/District5News.Web.dll.</summary>
    public static string AppPath
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "District5News.sln")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("District5News.sln not found above the test output."),
                "src", "District5News.Web", "bin", configuration, framework, "District5News.Web.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"The app is not built at {path}.");
        }
    }

    /// <summary>Runs a command (or a start that is expected to stop by itself) to its end.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunToEndAsync(
        string databasePath, IDictionary<string, string>? settings = null, params string[] args)
    {
        using var portal = new PortalProcess(Start(databasePath, settings, args));
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await portal._process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The portal ({string.Join(' ', args)}) did not exit within {Patience}; it was expected to stop by itself.");
        }

        return (portal._process.ExitCode, await portal._output, await portal._error);
    }

    /// <summary>Starts the web server on a free port of 127.0.0.1 and waits until the home page answers.</summary>
    public static async Task<PortalProcess> StartServerAsync(string databasePath, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var portal = new PortalProcess(Start(databasePath, settings, ["--urls", address.ToString().TrimEnd('/')])) { BaseAddress = address };
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var giveUpAt = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUpAt)
        {
            if (portal._process.HasExited)
            {
                var exit = portal._process.ExitCode;
                var error = await portal._error;
                portal.Dispose();
                Assert.Fail($"The portal stopped with exit code {exit}: {error}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        portal.Dispose();
        Assert.Fail($"The portal did not answer on {address} within {Patience}.");
        return null!;
    }

    /// <summary>kill -9: no graceful stop, no final flush, the database file left as a crash leaves it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static Process Start(string databasePath, IDictionary<string, string>? settings, string[] args)
    {
        var app = AppPath;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__News"] = $"Data Source={databasePath}";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "d5news-test-logs", "process-.log");
        info.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
