using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace District5News.IntegrationTests.Data;

/// <summary>
/// The three providers' migration sets match the model. SQLite's and PostgreSQL's are applied to an empty database (the
/// PostgreSQL one in the run's throwaway cluster); SQL Server cannot run here, so its script is generated and checked.
/// </summary>
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
    public void PostgreSqlMigrations_HaveNoPendingModelChanges()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for PostgreSqlNewsDbContext");
    }

    [Fact]
    public async Task PostgreSqlMigrations_ApplyToAnEmptyDatabaseWithSearchIndexesAndSeededCategories()
    {
        using var database = TestDatabase.Create(DatabaseProvider.PostgreSql);
        var options = new DbContextOptionsBuilder<PostgreSqlNewsDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new PostgreSqlNewsDbContext(options);

        await db.Database.MigrateAsync();

        var indexes = await db.Database.SqlQuery<string>($"SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Articles'").ToListAsync();
        Assert.Contains("IX_Articles_SearchDocument", indexes);
        Assert.Contains("IX_Articles_SearchTitle", indexes);
        Assert.Equal(6, await db.Categories.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        // The seeded ids are behind the identity sequence: a new category (the importer adds them) gets the next one.
        db.Categories.Add(new Category { Name = "Phường 1", Slug = "phuong-1", FoldedName = "phuong 1", SortOrder = 7 });
        await db.SaveChangesAsync();
        Assert.Equal(7, await db.Categories.MaxAsync(c => c.Id));
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
