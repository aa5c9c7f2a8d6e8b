using District5News.Web.Hosting;
using Microsoft.Data.Sqlite;

namespace District5News.IntegrationTests.Infrastructure;

/// <summary>
/// The database one test app runs on: a new SQLite file, or a new database in the run's PostgreSQL cluster
/// (<see cref="PostgreSqlCluster"/>). The app creates it with the schema at start (migrations applied, as in
/// production); disposing the owner deletes it. <see cref="Share"/> hands a second instance the same database.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    private bool _owner = true;

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteFile(Path.Combine(Path.GetTempPath(), $"d5news-test-{Guid.NewGuid():N}.db")),
        DatabaseProvider.PostgreSql => new PostgreSqlDatabase(PostgreSqlCluster.NewDatabaseName()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "SQL Server cannot run here: its migrations are tested as a script."),
    };

    public static TestDatabase SqliteAt(string path) => new SqliteFile(path);

    /// <summary>The same database for another instance of the portal; only the original deletes it.</summary>
    public TestDatabase Share()
    {
        var shared = (TestDatabase)MemberwiseClone();
        shared._owner = false;
        return shared;
    }

    public void Dispose()
    {
        if (_owner)
        {
            Delete();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract void Delete();

    public sealed class SqliteFile(string path) : TestDatabase
    {
        public string Path { get; } = path;

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string ConnectionString => $"Data Source={Path}";

        protected override void Delete()
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(Path + suffix);
            }
        }
    }

    public sealed class PostgreSqlDatabase(string name) : TestDatabase
    {
        public string Name { get; } = name;

        public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

        public override string ConnectionString => PostgreSqlCluster.Instance.ConnectionString(Name);

        protected override void Delete() => PostgreSqlCluster.Instance.DropDatabase(Name);
    }
}
