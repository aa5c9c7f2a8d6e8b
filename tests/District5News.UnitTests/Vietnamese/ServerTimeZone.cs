namespace District5News.UnitTests.Vietnamese;

/// <summary>
/// Runs code as if the server stood in another time zone. On Linux .NET reads the zone from the TZ variable and
/// caches it, so setting TZ and clearing the cache really changes <see cref="TimeZoneInfo.Local"/> for the whole
/// process: tests that use this belong to <see cref="ServerTimeZoneCollection"/>, which runs alone.
/// </summary>
internal static class ServerTimeZone
{
    /// <summary>Switches the process to <paramref name="zoneId"/> (an IANA id) until the result is disposed.</summary>
    public static IDisposable Use(string zoneId)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zoneId);
        TimeZoneInfo.ClearCachedData();
        var restore = new Restore(previous);

        // The test would prove nothing if the switch silently failed (another OS, no tzdata): say so instead.
        if (TimeZoneInfo.Local.Id != zoneId)
        {
            restore.Dispose();
            Assert.Fail($"Could not switch the process to {zoneId}: TimeZoneInfo.Local is still {TimeZoneInfo.Local.Id}.");
        }

        return restore;
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose()
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
