using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using District5News.Web.Data;
using District5News.Web.Data.Configurations;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Articles;
using District5News.Web.Features.Editing;
using District5News.Web.Features.Vietnamese;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace District5News.Benchmarks;

/// <summary>
/// Builds a fresh database with N bulletins in real Vietnamese (recombined from the hand-written demo bulletins,
/// with varied places, years and lengths) spread over the categories and the years 2016 to today, with per-day
/// counts. The schema comes from the portal's own migrations; rows go in with plain prepared INSERTs in one
/// transaction, and the FTS5 triggers fill the search index as they would in production.
/// </summary>
internal static partial class BulletinGenerator
{
    private static readonly HtmlBodySanitizer Sanitizer = new();

    private static readonly string[] Wards =
    [
        "Phường An Đông", "Phường Chợ Lớn", "Phường Chợ Quán", "Phường 1", "Phường 2", "Phường 4", "Phường 7", "Phường 9",
        "Phường 11", "Phường 12", "Phường 14",
    ];

    private static readonly string[] Streets =
    [
        "đường Nguyễn Trãi", "đường Trần Hưng Đạo", "đường An Dương Vương", "đường Hùng Vương", "đường Châu Văn Liêm",
        "đường Hải Thượng Lãn Ông", "đường Lương Nhữ Học", "đường Trần Phú", "đường Nguyễn Tri Phương", "đường Ngô Quyền",
        "đường Võ Văn Kiệt", "đường Phước Hưng",
    ];

    private static readonly string[] Suffixes =
    [
        "", "", "", " tại {ward}", " trên {street}", " ({ward})", ": kết quả bước đầu", " trong quý {quarter}",
        " – nhìn lại một năm", " tại khu phố {block}",
    ];

    /// <summary>What residents type: with and without tone marks, one word to several, common and rare.</summary>
    private static readonly string[] SearchQueries =
    [
        "tuyên giáo", "tuyen giao", "an toàn thực phẩm", "an toan thuc pham", "chợ An Đông", "cho an dong", "đồng chí",
        "dong chi", "phòng cháy chữa cháy", "PHONG CHAY", "học bổng", "hoc bong", "Hải Thượng Lãn Ông", "bảo hiểm y tế",
    ];

    public static async Task RunAsync(string databasePath, int count, string outFolder, int seed)
    {
        var watch = Stopwatch.StartNew();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }

        Directory.CreateDirectory(outFolder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        await using (var db = new SqliteNewsDbContext(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        var seeds = LoadDemoBulletins();
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var first = new DateOnly(2016, 1, 1);
        var spanDays = today.DayNumber - first.DayNumber;

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var insert = Prepare(connection, transaction, """
            INSERT INTO "Articles" ("CategoryId", "Title", "Slug", "Lead", "BodyHtml", "Status", "PublishedAtUtc", "CreatedAtUtc",
                "UpdatedAtUtc", "AuthorName", "ImportedViews", "Views", "SearchTitle", "SearchBody", "Version", "ByNewsroom")
            VALUES ($category, $title, $slug, $lead, $body, $status, $published, $published, $published, $author, $imported, $views,
                $searchTitle, $searchBody, $version, 1)
            """, "$category", "$title", "$slug", "$lead", "$body", "$status", "$published", "$author", "$imported", "$views",
            "$searchTitle", "$searchBody", "$version");
        var insertDay = Prepare(connection, transaction,
            """INSERT INTO "ArticleDailyViews" ("ArticleId", "Date", "Views") VALUES ($id, $date, $views)""", "$id", "$date", "$views");

        // Publication times, oldest first so ids grow with time as they do on a live site.
        var times = Enumerable.Range(0, count)
            .Select(_ => first.ToDateTime(TimeOnly.MinValue).AddDays(random.NextDouble() * spanDays).Date
                .AddHours(7 + random.Next(11)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60)))
            .Order()
            .ToArray();

        var varied = new List<string>();
        var dayTotals = new Dictionary<DateOnly, long>();
        var paths = new List<string>(count);
        var categoryCounts = new Dictionary<int, int>();
        var dayCounts = new Dictionary<DateOnly, int>();
        for (var i = 0; i < count; i++)
        {
            var source = seeds[random.Next(seeds.Count)];
            var publishedVietnam = times[i];
            var year = publishedVietnam.Year;
            var article = new Article();
            var paragraphs = source.Paragraphs.Concat(seeds.Where(s => s.CategoryId == source.CategoryId)
                    .OrderBy(_ => random.Next()).Take(2 + random.Next(4)).SelectMany(s => s.Paragraphs.Take(2)))
                .Select(p => WithYear(p, year)).ToList();
            var title = WithYear(source.Title, year) + Fill(Suffixes[random.Next(Suffixes.Length)], random, publishedVietnam);
            article.SetContent(title, WithYear(source.Lead, year), Sanitizer.FromParagraphs(paragraphs), string.Join(' ', paragraphs));

            // A few bulletins were taken down: they must never show.
            var status = random.Next(200) == 0 ? ArticleStatus.Unpublished : ArticleStatus.Published;
            var utc = VietnamTime.ToUtc(publishedVietnam);
            var ageDays = today.DayNumber - DateOnly.FromDateTime(publishedVietnam).DayNumber;
            var imported = year < 2020 ? random.Next(50, 3000) : 0;
            var dailyViews = Enumerable.Range(0, Math.Min(3, ageDays + 1)).Select(d => (long)random.Next(5, 400 / (d + 1))).ToArray();

            Bind(insert, source.CategoryId, article.Title, article.Slug, article.Lead, article.BodyHtml, (int)status, Format(utc),
                "Ban biên tập", imported, dailyViews.Sum(), article.SearchTitle, article.SearchBody, Guid.NewGuid().ToString().ToUpperInvariant());
            await insert.ExecuteNonQueryAsync();
            var id = i + 1;
            for (var d = 0; d < dailyViews.Length; d++)
            {
                var date = DateOnly.FromDateTime(publishedVietnam).AddDays(d);
                Bind(insertDay, id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dailyViews[d]);
                await insertDay.ExecuteNonQueryAsync();
                dayTotals[date] = dayTotals.GetValueOrDefault(date) + dailyViews[d];
            }

            if (varied.Count < 20_000 && random.Next(Math.Max(1, count / 20_000)) == 0)
            {
                varied.Add(VariedQuery(random.Next(2) == 0 ? article.Title : article.Lead, random));
            }

            if (status == ArticleStatus.Published)
            {
                paths.Add($"/tin-tuc/{id}/{article.Slug}");
                categoryCounts[source.CategoryId] = categoryCounts.GetValueOrDefault(source.CategoryId) + 1;
                var day = DateOnly.FromDateTime(publishedVietnam);
                dayCounts[day] = dayCounts.GetValueOrDefault(day) + 1;
            }
        }

        // Site figures per day: visits and page views in proportion to the bulletin views of that day.
        var insertStat = Prepare(connection, transaction,
            """INSERT INTO "DailyStats" ("Date", "Visits", "PageViews", "ArticleViews") VALUES ($date, $visits, $pages, $views)""",
            "$date", "$visits", "$pages", "$views");
        long visits = 0;
        foreach (var (date, views) in dayTotals.OrderBy(p => p.Key))
        {
            var dayVisits = (views * 3 / 5) + random.Next(20);
            visits += dayVisits;
            Bind(insertStat, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dayVisits, (views * 2) + random.Next(50), views);
            await insertStat.ExecuteNonQueryAsync();
        }

        await Execute(connection, FormattableString.Invariant($"""UPDATE "SiteCounters" SET "StartingVisits" = 28897020, "Visits" = {visits} WHERE "Id" = 1"""), transaction);
        await transaction.CommitAsync();
        await Execute(connection, """INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;""");

        await File.WriteAllLinesAsync(Path.Combine(outFolder, "articles.txt"), paths);
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "search.txt"), SearchQueries.Select(q => "/tim-kiem?q=" + Uri.EscapeDataString(q)));
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "search-varied.txt"), varied.Distinct(StringComparer.Ordinal));
        var biggest = categoryCounts.MaxBy(p => p.Value);
        var busiestRecentDay = dayCounts.Where(p => p.Key.Year >= today.Year - 1).DefaultIfEmpty(dayCounts.MaxBy(p => p.Key)).MaxBy(p => p.Value).Key;
        var meta = new
        {
            count,
            deepCategory = CategoryConfiguration.Standard.Single(c => c.Id == biggest.Key).Slug,
            deepPage = Math.Max(1, (biggest.Value / ArticleQueries.CategoryPageSize) / 2),
            day = busiestRecentDay.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            dayCount = dayCounts[busiestRecentDay],
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            megabytes = Math.Round(new FileInfo(databasePath).Length / 1048576.0, 1),
        };
        await File.WriteAllTextAsync(Path.Combine(outFolder, "meta.json"), JsonSerializer.Serialize(meta));
        await File.WriteAllLinesAsync(Path.Combine(outFolder, "meta.env"),
        [
            $"DEEP_CATEGORY={meta.deepCategory}", FormattableString.Invariant($"DEEP_PAGE={meta.deepPage}"), $"DAY={meta.day}",
            FormattableString.Invariant($"DAY_COUNT={meta.dayCount}"),
        ]);
        Console.WriteLine(JsonSerializer.Serialize(meta));
    }

    /// <summary>Two or three consecutive words of a title or lead, half of them typed without tone marks.</summary>
    private static string VariedQuery(string text, Random random)
    {
        var words = VietnameseText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '“', '”', ':', ',', '.', '(', ')', '–', '-'))
            .Where(w => w.Any(char.IsLetterOrDigit)).ToArray();
        var length = Math.Min(words.Length, 2 + random.Next(2));
        var start = random.Next(words.Length - length + 1);
        var query = string.Join(' ', words, start, length);
        if (random.Next(2) == 0)
        {
            query = VietnameseText.Fold(query);
        }

        return "/tim-kiem?q=" + Uri.EscapeDataString(query);
    }

    private static string Fill(string template, Random random, DateTime at) => template
        .Replace("{ward}", Wards[random.Next(Wards.Length)], StringComparison.Ordinal)
        .Replace("{street}", Streets[random.Next(Streets.Length)], StringComparison.Ordinal)
        .Replace("{quarter}", ((at.Month + 2) / 3).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{block}", random.Next(1, 9).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Moves the demo text's year (2026, 2026–2027) to the bulletin's own year.</summary>
    private static string WithYear(string text, int year) =>
        YearPattern().Replace(text, m => (year + (int.Parse(m.Value, CultureInfo.InvariantCulture) - 2026)).ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\b202[5-7]\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static List<Seed> LoadDemoBulletins()
    {
        using var stream = typeof(ArticleQueries).Assembly.GetManifestResourceStream("District5News.Web.Data.Demo.demo-bulletins.json")
            ?? throw new InvalidOperationException("The demo bulletins resource is missing.");
        using var json = JsonDocument.Parse(stream);
        var slugs = CategoryConfiguration.Standard.ToDictionary(c => c.Slug, c => c.Id, StringComparer.Ordinal);
        return json.RootElement.EnumerateArray().Select(e => new Seed(
                slugs[e.GetProperty("category").GetString()!],
                e.GetProperty("title").GetString()!,
                e.GetProperty("lead").GetString()!,
                e.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToArray()))
            .ToList();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Seed(int CategoryId, string Title, string Lead, string[] Paragraphs);
}
