using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace District5News.Web.Data;

// Used by `dotnet ef migrations add ... --context SqliteNewsDbContext|SqlServerNewsDbContext|PostgreSqlNewsDbContext` only.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerNewsDbContext>
{
    public SqlServerNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerNewsDbContext>()
            .UseSqlServer("Server=(local);Database=District5News;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlNewsDbContext>
{
    public PostgreSqlNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql("Host=127.0.0.1;Database=district5news").Options);
}
