using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Data;
using District5News.Web.Data.Entities;
using District5News.Web.Features.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Import;

/// <summary>A bulletin whose last write fails goes in whole or not at all, and the batch goes on.</summary>
public sealed class ImportRollbackTests
{
    [Fact]
    public async Task Import_WriteFailsHalfWayThroughABulletin_UndoesThatBulletinAndItsNewCategoryOnly()
    {
        using var app = new FailingWardNewsFactory();

        var report = await app.ImportPathAsync("folder");

        Assert.Equal(["announcement.txt"], report.Bulletins.Select(b => b.FileName));
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("ward-news.txt", skipped.FileName);
        Assert.StartsWith("Không lưu được bản tin", skipped.Reason, StringComparison.Ordinal);
        Assert.Empty(report.CategoriesCreated);
        Assert.Equal(2889702, report.CounterStartAfter);

        // The category and the article were written before the failing revision: both must be gone.
        Assert.False(await app.WithDbAsync(db => db.Categories.AnyAsync(c => c.FoldedName == "ban tin phuong")));
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == ImportSamples.WardNewsTitle)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Details!.Contains("ward-news.txt"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task DryRun_WriteFailsHalfWayThroughABulletin_ReportsTheSameAsARealRun()
    {
        using var app = new FailingWardNewsFactory();

        var dryRun = await app.ImportPathAsync("folder", dryRun: true);
        var real = await app.ImportPathAsync("folder");

        Assert.Equal(real.Skipped, dryRun.Skipped);
        Assert.Equal(real.Bulletins.Select(b => (b.FileName, b.Outcome)), dryRun.Bulletins.Select(b => (b.FileName, b.Outcome)));
        Assert.Equal(real.CategoriesCreated, dryRun.CategoriesCreated);
    }

    private sealed class FailingWardNewsFactory : NewsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
                services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(new FailOnWardNewsRevision())));
        }
    }

    /// <summary>Fails the write of the ward bulletin's revision: the category and the article are already in the database by then.</summary>
    private sealed class FailOnWardNewsRevision : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<ArticleRevision>()
                .Any(e => e.State == EntityState.Added && e.Entity.Title == ImportSamples.WardNewsTitle))
            {
                throw new DbUpdateException("Simulated failure while importing the ward bulletin.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
