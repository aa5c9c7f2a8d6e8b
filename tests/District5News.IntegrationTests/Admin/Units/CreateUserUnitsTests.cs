using District5News.IntegrationTests.Infrastructure;
using District5News.Web.Features.Audit;
using District5News.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace District5News.IntegrationTests.Admin.Units;

/// <summary><c>create-user --email E --role Editor --unit SLUG</c>, <c>--unit</c> repeatable (PRODUCT.md, command-line contract).</summary>
public sealed class CreateUserUnitsTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    [Fact]
    public async Task RepeatedUnit_GivesTheEditorEachUnit_AndIsAudited()
    {
        var email = $"cho-lon-{Guid.NewGuid():N}@quan5.local";

        var (exit, output, _) = await RunAsync(Staff.Password, "--email", email, "--role", "Editor", "--unit", "cho-lon", "--unit", "phuong-11");

        Assert.Equal(0, exit);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["cho-lon", "phuong-11"], await UnitsOfAsync(email));
        var details = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == email && e.UserName == "create-user")
            .Select(e => e.Details).ToListAsync());
        Assert.Contains("Đơn vị đăng tin: không có → Phường Chợ Lớn, Phường 11", details);
    }

    [Fact]
    public async Task ResetWithoutUnit_KeepsTheUnits_AndWithUnitReplacesThem()
    {
        var email = $"an-dong-{Guid.NewGuid():N}@quan5.local";
        await RunAsync(Staff.Password, "--email", email, "--role", "Editor", "--unit", "an-dong");

        var (keep, _, _) = await RunAsync(Staff.Password, "--email", email, "--role", "Editor");
        var kept = await UnitsOfAsync(email);
        var (replace, _, _) = await RunAsync(Staff.Password, "--email", email, "--role", "Editor", "--unit", "cho-quan");

        Assert.Equal((0, 0), (keep, replace));
        Assert.Equal(["an-dong"], kept);
        Assert.Equal(["cho-quan"], await UnitsOfAsync(email));
    }

    [Theory]
    [InlineData("phuong-99")]
    [InlineData("Cho-Lon")]
    public async Task UnknownUnit_ExitsTwoWithTheKnownSlugs_AndCreatesNothing(string slug)
    {
        var email = $"sai-don-vi-{Guid.NewGuid():N}@quan5.local";

        var (exit, _, error) = await RunAsync(Staff.Password, "--email", email, "--role", "Editor", "--unit", "cho-lon", "--unit", slug);

        Assert.Equal(2, exit);
        Assert.Contains($"Unknown unit \"{slug}\"", error, StringComparison.Ordinal);
        Assert.Contains("cho-quan, an-dong, cho-lon", error, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task UnitWithoutASlug_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync(Staff.Password, "--email", $"thieu-{Guid.NewGuid():N}@quan5.local", "--role", "Editor", "--unit");

        Assert.Equal(2, exit);
        Assert.Contains("--unit needs a unit slug", error, StringComparison.Ordinal);
    }

    private Task<List<string>> UnitsOfAsync(string email) =>
        app.WithDbAsync(db => db.StaffUnitMemberships.AsNoTracking()
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email))
            .OrderBy(m => m.Unit!.SortOrder).Select(m => m.Unit!.Slug).ToListAsync());

    private async Task<(int Exit, string Output, string Error)> RunAsync(string password, params string[] args)
    {
        var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "create-user");
        using var input = new StringReader(password + "\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command.RunAsync(["create-user", .. args], input, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
