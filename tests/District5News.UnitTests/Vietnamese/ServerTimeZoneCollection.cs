namespace District5News.UnitTests.Vietnamese;

/// <summary>
/// Tests that change the process's local time zone (<see cref="ServerTimeZone"/>). xUnit runs a collection without
/// parallelization after all the others, so no other test sees the borrowed zone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerTimeZoneCollection
{
    public const string Name = "Server time zone";
}
