using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The portal over a database a test will fault: <see cref="ReadOnlyStorage"/> and <see cref="SmallDisk"/> make the
/// fault in the file system where the machine allows it, and otherwise switch <see cref="Faults"/> on.
/// </summary>
public sealed class FaultApp(string databasePath) : NewsAppFactory(databasePath)
{
    /// <summary>Set D5NEWS_TEST_UNPRIVILEGED_FAULTS=1 to skip the file-system faults and test SQLite's own.</summary>
    public static bool UnprivilegedOnly => Environment.GetEnvironmentVariable("D5NEWS_TEST_UNPRIVILEGED_FAULTS") == "1";

    public SqliteFaultHook Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(Faults)));
    }

    /// <summary>
    /// The fault is real: a write through the portal's own database context, on a new connection, fails with the
    /// storage failure the portal handles and with one of SQLite's <paramref name="sqliteErrorCodes"/> (primary code). It also
    /// checks the hook did not take the place of the portal's <see cref="StorageFailureConnectionInterceptor"/>.
    /// </summary>
    public async Task AssertWritesRefusedAsync(params int[] sqliteErrorCodes)
    {
        var interceptors = await WithDbAsync(db => Task.FromResult(
            db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!.ToList()));
        Assert.Contains(interceptors, i => i is StorageFailureConnectionInterceptor);
        Assert.Contains(interceptors, i => ReferenceEquals(i, Faults));

        // A write that changes a value: SQLite leaves a row it would rewrite unchanged alone, and needs no room for it.
        // Should it go through, the test fails here anyway.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("""UPDATE "SiteCounters" SET "Visits" = "Visits" + 1;""")));
        Assert.True(StorageFailure.Is(refused), $"The write failed, but not with a storage failure: {refused}");
        Assert.True(refused.GetBaseException() is SqliteException sqlite && sqliteErrorCodes.Contains(sqlite.SqliteErrorCode & 0xFF),
            $"Expected SQLite error {string.Join(" or ", sqliteErrorCodes)}: {refused}");
    }
}
