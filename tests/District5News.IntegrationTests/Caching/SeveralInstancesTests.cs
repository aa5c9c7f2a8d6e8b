using System.Net;
using District5News.IntegrationTests.Admin.Articles;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Accounts;
using District5News.Web.Features.Caching;
using District5News.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Caching;

/// <summary>
/// Two instances of the portal on one database and one Redis (docs/decisions/0009): what is published through one is on
/// the other's cached pages and search, a bulletin scheduled through one appears on the other at its time, and the
/// counts made through both are exact once both have stopped.
/// </summary>
public abstract class SeveralInstancesTests(DatabaseProvider provider) : IDisposable
{
    /// <summary>How long a test waits for the other instance to hear of a change (a bound, not a timing assertion).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TestDatabase _database = TestDatabase.Create(provider);
    private readonly string _prefix = RedisServer.NewKeyPrefix();
    private readonly List<Instance> _instances = [];

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    [RedisFact]
    public async Task Publish_ThroughOneInstance_IsOnTheOthersCachedPagesAndSearchAtOnce()
    {
        var (a, b) = Start();
        var editor = await a.SignInAsync(StaffRoles.Editor);
        await EditorForms.CreateAsync(editor, "Hội nghị tổng kết công tác dân vận");
        var (_, homeBefore) = await Html.GetAsync(b.CreateBrowser(), "/");
        var (_, searchBefore) = await Html.GetAsync(b.CreateBrowser(), "/tim-kiem?q=xom+cui");
        var versionBefore = b.ContentVersion;

        var id = await EditorForms.CreateAsync(editor, "Khánh thành cầu Xóm Củi mới");
        await WaitAsync(() => b.ContentVersion != versionBefore);

        var (_, homeAfter) = await Html.GetAsync(b.CreateBrowser(), "/");
        var (_, searchAfter) = await Html.GetAsync(b.CreateBrowser(), "/tim-kiem?q=xom+cui");
        Assert.Contains("Hội nghị tổng kết công tác dân vận", homeBefore.Texts(".article-link"));
        Assert.DoesNotContain("Khánh thành cầu Xóm Củi mới", homeBefore.Texts(".article-link"));
        Assert.DoesNotContain(searchBefore.QuerySelectorAll("a[href]"), l => l.GetAttribute("href")!.StartsWith($"/tin-tuc/{id}/", StringComparison.Ordinal));
        Assert.Contains("Khánh thành cầu Xóm Củi mới", homeAfter.Texts(".article-link"));
        Assert.Contains(searchAfter.QuerySelectorAll("a[href]"), l => l.GetAttribute("href")!.StartsWith($"/tin-tuc/{id}/", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task ScheduledThroughOneInstance_AppearsOnTheOtherAtItsTime()
    {
        var (a, b) = Start();
        var editor = await a.SignInAsync(StaffRoles.Editor);
        await EditorForms.CreateAsync(editor, "Lịch tiếp công dân tháng 11");
        await Html.GetAsync(b.CreateBrowser(), "/");
        var versionBefore = b.ContentVersion;

        // 10:00 in Vietnam now; due at 11:00.
        var fields = EditorForms.Fields("Thông báo lịch cắt điện khu phố 3", "<p>Nội dung.</p>");
        fields["Input.PublishDate"] = "20/11/2026";
        fields["Input.PublishTime"] = "11:00";
        Assert.Equal(HttpStatusCode.Redirect, (await EditorForms.SubmitAsync(editor, EditorForms.CreateUrl, fields, "publish")).StatusCode);
        await WaitAsync(() => b.ContentVersion != versionBefore);
        var (_, beforeItsTime) = await Html.GetAsync(b.CreateBrowser(), "/");
        a.Clock.Advance(TimeSpan.FromHours(1));
        b.Clock.Advance(TimeSpan.FromHours(1));
        var (_, atItsTime) = await Html.GetAsync(b.CreateBrowser(), "/");

        Assert.DoesNotContain("Thông báo lịch cắt điện khu phố 3", beforeItsTime.Texts(".article-link"));
        Assert.Contains("Thông báo lịch cắt điện khu phố 3", atItsTime.Texts(".article-link"));
    }

    [RedisFact]
    public async Task Counts_ThroughBothInstances_AreExactOnceBothHaveStopped()
    {
        var (a, b) = Start();
        var editor = await a.SignInAsync(StaffRoles.Editor);
        var id = await EditorForms.CreateAsync(editor, "Ra quân chiến dịch mùa hè xanh");

        // Seven residents, three through one instance and four through the other; nothing flushed by hand.
        foreach (var instance in new[] { a, a, a, b, b, b, b })
        {
            Assert.Equal(HttpStatusCode.OK, (await EditorForms.GetPublicAsync(instance.CreateBrowser(), id)).StatusCode);
        }

        a.Dispose();
        b.Dispose();
        using var after = Add(new Instance(_database.Share(), null));
        var (views, visits) = await after.WithDbAsync(async db => (
            await db.Articles.Where(x => x.Id == id).Select(x => x.Views).SingleAsync(),
            await db.SiteCounters.Select(s => s.Visits).SingleAsync()));
        Assert.Equal(7, views);
        Assert.Equal(7, visits);
    }

    private (Instance A, Instance B) Start()
    {
        var a = Add(new Instance(_database.Share(), _prefix));
        _ = a.Services; // the first instance creates and migrates the database before the second starts
        var b = Add(new Instance(_database.Share(), _prefix));
        _ = b.Services;
        return (a, b);
    }

    private Instance Add(Instance instance)
    {
        _instances.Add(instance);
        return instance;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "The other instance did not hear of the change.");
            await Task.Delay(20);
        }
    }

    /// <summary>One instance of the portal; with a key prefix, on the run's Redis.</summary>
    private sealed class Instance(TestDatabase database, string? redisPrefix) : NewsAppFactory(database)
    {
        public long ContentVersion => Services.GetRequiredService<PublicContentVersion>().Current;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (redisPrefix is not null)
            {
                builder.UseSetting("ConnectionStrings:Redis", RedisServer.Instance.ConnectionString);
                builder.UseSetting("PageCache:RedisKeyPrefix", redisPrefix);
            }
        }
    }

    public sealed class OnSqlite() : SeveralInstancesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : SeveralInstancesTests(DatabaseProvider.PostgreSql);
}
