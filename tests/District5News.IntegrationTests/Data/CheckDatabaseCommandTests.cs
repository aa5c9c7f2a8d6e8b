using District5News.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary><c>check-database</c>, run as the operator runs it (the app process in Production), on sound and damaged files.</summary>
public sealed class CheckDatabaseCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"d5news-check-{Guid.NewGuid():N}");

    public CheckDatabaseCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SoundDatabase_SaysOkAndExitsZero()
    {
        using var app = await AppWithBulletinsAsync();

        var (exit, output, error) = await PortalProcess.RunToEndAsync(app.DatabasePath, null, "check-database");

        Assert.True(exit == 0, error);
        Assert.Equal($"{app.DatabasePath}: integrity ok, search index ok (3 bulletins).", output.Trim());
    }

    [Theory]
    [InlineData("ArticleSearch", "SearchBody")]
    [InlineData("ArticleTitleSearch", "SearchTitleMarked")]
    public async Task SearchIndexMissingABulletin_SaysWhichIndexAndExitsOne(string index, string secondColumn)
    {
        using var app = await AppWithBulletinsAsync();
        await app.WithDbAsync(async db =>
        {
            // Taken out of the index behind the bulletins' back: the bulletin stays, search no longer finds it.
            var article = await db.Articles.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
            var second = secondColumn == "SearchBody" ? article.SearchBody : article.SearchTitleMarked;
            var delete = $$"""INSERT INTO "{{index}}"("{{index}}", rowid, "SearchTitle", "{{secondColumn}}") VALUES ('delete', {0}, {1}, {2})""";
            await db.Database.ExecuteSqlRawAsync(delete, article.Id, article.SearchTitle, second);
        });

        var (exit, output, _) = await PortalProcess.RunToEndAsync(app.DatabasePath, null, "check-database");

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{app.DatabasePath}: integrity ok.", lines[0]);
        Assert.StartsWith($"Search index: does not match the bulletins ({index})", lines[1], StringComparison.Ordinal);
        Assert.Contains($"INSERT INTO {index}({index}) VALUES ('rebuild');", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DamagedPage_ListsTheProblemsAndExitsOne()
    {
        using var app = await AppWithBulletinsAsync();
        var copy = Path.Combine(_folder, "hong.db");
        var (page, pageSize) = await app.WithDbAsync(async db =>
        {
            // Everything into the main file, so a copy of it alone is the whole database.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT rootpage FROM sqlite_master WHERE name = 'Articles'), (SELECT page_size FROM pragma_page_size());";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1));
        });
        File.Copy(app.DatabasePath, copy);
        await using (var file = new FileStream(copy, FileMode.Open, FileAccess.Write))
        {
            // The b-tree page header of the bulletins table: its page type and cell count become garbage.
            file.Position = (page - 1) * pageSize;
            await file.WriteAsync(Enumerable.Repeat((byte)0xFF, 12).ToArray());
        }

        var (exit, output, error) = await PortalProcess.RunToEndAsync(copy, null, "check-database");

        Assert.True(exit == 1, output + error);
        Assert.True(output.StartsWith($"{copy}: the integrity check found", StringComparison.Ordinal), output + error);
        Assert.Contains("restore the last backup", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_ExitsOneAndCreatesNothing()
    {
        var path = Path.Combine(_folder, "khong-co.db");

        var (exit, _, error) = await PortalProcess.RunToEndAsync(path, null, "check-database");

        Assert.Equal(1, exit);
        Assert.Equal($"No database at {path}.", error.Trim());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task NotSqlite_ExitsOneAndSaysSo()
    {
        var path = Path.Combine(_folder, "anh.db");
        await File.WriteAllTextAsync(path, "Đây không phải là cơ sở dữ liệu, chỉ là một tệp văn bản khá dài để vượt qua phần đầu tệp.");

        var (exit, _, error) = await PortalProcess.RunToEndAsync(path, null, "check-database");

        Assert.Equal(1, exit);
        Assert.StartsWith($"{path} is not an SQLite database", error.Trim(), StringComparison.Ordinal);
    }

    private static async Task<NewsAppFactory> AppWithBulletinsAsync()
    {
        var app = new NewsAppFactory();
        await app.WithDbAsync(async db =>
        {
            await TestArticles.AddAsync(db, "Phường Chợ Quán tổ chức ngày hội đọc sách", new DateTime(2026, 11, 1, 8, 0, 0));
            await TestArticles.AddAsync(db, "Đồng chí Bí thư thăm hỏi gia đình chính sách", new DateTime(2026, 11, 2, 8, 0, 0));
            await TestArticles.AddAsync(db, "Thông báo lịch tiếp công dân", new DateTime(2026, 11, 3, 8, 0, 0));
        });
        return app;
    }
}
