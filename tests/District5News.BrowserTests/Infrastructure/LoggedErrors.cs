using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace District5News.BrowserTests.Infrastructure;

/// <summary>
/// Every Error or Fatal the app logs while the browser walks it. The app logs through Serilog, which reads extra
/// sinks from the container (ReadFrom.Services), so a sink sees exactly what the app's own log file gets.
/// </summary>
public sealed class LoggedErrors : ILogEventSink
{
    private readonly ConcurrentQueue<string> _errors = new();

    public int Count => _errors.Count;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level >= LogEventLevel.Error)
        {
            _errors.Enqueue($"{logEvent.Level}: {logEvent.RenderMessage()}{(logEvent.Exception is null ? "" : Environment.NewLine + logEvent.Exception)}");
        }
    }

    /// <summary>The errors logged after the first <paramref name="skip"/> ones.</summary>
    public IReadOnlyList<string> Since(int skip) => _errors.Skip(skip).ToList();

    public void AssertNoneSince(int skip)
    {
        var errors = Since(skip);
        Assert.True(errors.Count == 0, "The app logged errors:\n" + string.Join('\n', errors));
    }
}
