using District5News.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace District5News.IntegrationTests.Data;

/// <summary>Both providers' migration sets match the model; SQL Server cannot run here, so its script is generated and checked.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_HaveNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteNewsDbContext");
    }

    [Fact]
    public void SqlServerMigrations_HaveNoPendingModelChanges()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqlServerNewsDbContext");
    }

    [Fact]
    public void SqlServerMigrations_GenerateAnIdempotentScript()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS (", script, StringComparison.Ordinal);
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Articles]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DailyStats]", script, StringComparison.Ordinal);
        Assert.Contains("Bản tin quận", script, StringComparison.Ordinal);
        Assert.DoesNotContain("fts5", script, StringComparison.OrdinalIgnoreCase);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SqliteMigrations_ApplyToAnEmptyFileWithSearchIndex()
    {
        var path = Path.Combine(Path.GetTempPath(), $"d5news-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new SqliteNewsDbContext(options))
            {
                await db.Database.MigrateAsync();
                var tables = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
                Assert.Contains("ArticleSearch", tables);
                Assert.Equal(6, await db.Categories.CountAsync());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
