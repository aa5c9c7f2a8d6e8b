using System.Text.RegularExpressions;
using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Configurations;
using District5News.Web.Data.Demo;
using District5News.Web.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary>What `dotnet run` gives a fresh clone in Development: demo bulletins and both demo accounts.</summary>
public sealed partial class DemoContentTests
{
    /// <summary>The day the three wards took over (NQ 1685/NQ-UBTVQH15, Điều 2 khoản 2; docs/public-portal.md, "Publishing units").</summary>
    private static readonly DateTime WardsTookOver = new(2025, 7, 1);

    private static readonly string[] NewWards = ["cho-quan", "an-dong", "cho-lon"];

    /// <summary>The seeded units (docs/public-portal.md, "Publishing units"): each bulletin's unit must have existed on its day.</summary>
    private static readonly Dictionary<string, PublishingUnit> Units = PublishingUnitConfiguration.Standard.ToDictionary(u => u.Slug);

    [Fact]
    public void DemoBulletins_SpanTheDistrictArchiveAndTheWards_MostlyRecent()
    {
        var bulletins = DemoContentSeeder.Load();

        Assert.InRange(bulletins.Count, 96, 120);
        Assert.Equal(6, bulletins.Select(b => b.Category).Distinct().Count());
        Assert.All(bulletins, b => Assert.InRange(b.PublishedAt, new DateTime(2024, 1, 1), new DateTime(2026, 11, 26)));
        var months = bulletins.Select(b => (b.PublishedAt.Year, b.PublishedAt.Month)).Distinct().Count();
        Assert.True(months >= 24, $"only {months} months");
        var recent = bulletins.Count(b => b.PublishedAt >= WardsTookOver);
        Assert.True(recent * 10 >= bulletins.Count * 6, $"only {recent} of {bulletins.Count} bulletins are dated from 01/07/2025");
        Assert.Contains(bulletins.GroupBy(b => b.PublishedAt.Date), day => day.Count() >= 2);
        Assert.All(bulletins, b => Assert.True(b.Paragraphs.Count >= 2 && b.Title.Length > 10));
    }

    [Fact]
    public void DemoBulletins_FromJuly2025_ComeFromTheThreeWardsAndNeverSpeakOfADistrictCommittee()
    {
        var recent = DemoContentSeeder.Load().Where(b => b.PublishedAt >= WardsTookOver).ToList();

        Assert.NotEmpty(recent);
        Assert.All(recent, b =>
        {
            Assert.Contains(b.Unit, NewWards);
            var text = string.Join(' ', [b.Title, b.Lead, .. b.Paragraphs]);
            Assert.DoesNotContain("UBND Quận 5", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Ủy ban nhân dân Quận 5", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("UBND quận", text, StringComparison.OrdinalIgnoreCase);
            // The district is only ever the former one: "địa bàn Quận 5 cũ".
            Assert.DoesNotMatch(DistrictAsLivingBody(), text);
        });
        Assert.Equal(NewWards.Order(), recent.Select(b => b.Unit!).Distinct().Order());
    }

    [Fact]
    public void DemoBulletins_BeforeJuly2025_ComeFromTheDistrictOrAWardThatExistedThatDay()
    {
        var archive = DemoContentSeeder.Load().Where(b => b.PublishedAt < WardsTookOver).ToList();

        Assert.NotEmpty(archive);
        Assert.All(archive, b =>
        {
            Assert.NotNull(b.Unit);
            Assert.True(Units.TryGetValue(b.Unit, out var unit), $"{b.Unit} is not a seeded unit ({b.Title})");
            Assert.True(
                unit.IsActiveOn(DateOnly.FromDateTime(b.PublishedAt)),
                $"{b.Unit} did not exist on {b.PublishedAt:dd/MM/yyyy} ({b.Title})");
        });
        Assert.Contains(archive, b => b.Unit == "quan-5");
        Assert.Contains(archive, b => b.Unit!.StartsWith("phuong-", StringComparison.Ordinal));
    }

    /// <summary>"Quận" not followed by " 5 cũ": a district spoken of as a current body.</summary>
    [GeneratedRegex(@"quận(?! 5 cũ)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistrictAsLivingBody();

    [Fact]
    public async Task Development_FreshDatabase_IsSeededWithBulletinsAndBothDemoAccounts()
    {
        using var app = new DevelopmentApp();

        var (articles, users) = await app.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.Users.Select(u => u.Email).ToListAsync()));

        Assert.Equal(DemoContentSeeder.Load().Count, articles);
        var seededUnits = await app.WithDbAsync(db => db.Articles.Select(a => a.Unit!.Slug).Distinct().ToListAsync());
        Assert.Equal(DemoContentSeeder.Load().Select(b => b.Unit!).Distinct().Order(), seededUnits.Order());
        foreach (var (email, role, _) in DemoContentSeeder.DemoAccounts)
        {
            Assert.Contains(email, users);
            var browser = await app.SignInAsync(role, email, DemoContentSeeder.DemoAccounts.Single(a => a.Email == email).Password);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        }
    }

    private sealed class DevelopmentApp : NewsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
