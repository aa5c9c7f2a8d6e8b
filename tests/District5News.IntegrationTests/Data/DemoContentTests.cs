using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace District5News.IntegrationTests.Data;

/// <summary>What `dotnet run` gives a fresh clone in Development: demo bulletins and both demo accounts.</summary>
public sealed class DemoContentTests
{
    [Fact]
    public void DemoBulletins_CoverFiveMonthsAndSixCategories()
    {
        var bulletins = DemoContentSeeder.Load();

        Assert.True(bulletins.Count >= 80);
        Assert.True(bulletins.Select(b => b.Category).Distinct().Count() >= 5);
        var months = bulletins.Select(b => (b.PublishedAt.Year, b.PublishedAt.Month)).Distinct().Count();
        Assert.True(months >= 4, $"only {months} months");
        Assert.All(bulletins, b => Assert.True(b.Paragraphs.Count >= 2 && b.Title.Length > 10));
    }

    [Fact]
    public async Task Development_FreshDatabase_IsSeededWithBulletinsAndBothDemoAccounts()
    {
        using var app = new DevelopmentApp();

        var (articles, users) = await app.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.Users.Select(u => u.Email).ToListAsync()));

        Assert.Equal(DemoContentSeeder.Load().Count, articles);
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
