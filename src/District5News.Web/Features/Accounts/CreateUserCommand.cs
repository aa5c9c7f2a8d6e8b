using District5News.Web.Features.Units;
using District5News.Web.Hosting;

namespace District5News.Web.Features.Accounts;

/// <summary>
/// <c>create-user --email E --role Administrator|Editor [--unit SLUG]...</c>: creates or resets a staff account, reading
/// the password from standard input so it never appears in the shell history or in a config file. <c>--unit</c>
/// (repeatable) sets the publishing units the account writes for; without it an existing account keeps its units.
/// </summary>
public sealed class CreateUserCommand(IServiceScopeFactory scopes) : IPortalCommand
{
    public string Name => "create-user";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var email = CommandLine.Option(args, "--email");
        var role = CommandLine.Option(args, "--role");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(role))
        {
            await error.WriteLineAsync("Usage: create-user --email EMAIL --role Administrator|Editor [--unit SLUG]...   (password read from standard input)");
            return 2;
        }

        if (!StaffRoles.All.Contains(role))
        {
            await error.WriteLineAsync($"Bad role \"{role}\": use Administrator or Editor.");
            return 2;
        }

        await using var scope = scopes.CreateAsyncScope();
        IReadOnlyList<int>? unitIds = null;
        var unitSlugs = CommandLine.Options(args, "--unit");
        if (unitSlugs.Count > 0)
        {
            var known = (await scope.ServiceProvider.GetRequiredService<UnitDirectory>().GetAsync(cancellationToken)).All.Select(u => u.Slug);
            if (unitSlugs.Any(string.IsNullOrWhiteSpace))
            {
                await error.WriteLineAsync($"--unit needs a unit slug: one of {string.Join(", ", known)}.");
                return 2;
            }

            var (ids, unknown) = await scope.ServiceProvider.GetRequiredService<StaffUnitMemberships>().ResolveAsync(unitSlugs!, cancellationToken);
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"Unknown unit {string.Join(", ", unknown.Select(u => $"\"{u}\""))}: use one of {string.Join(", ", known)}.");
                return 2;
            }

            unitIds = ids;
        }

        var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password on standard input.");
            return 2;
        }

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (created, errors) = await accounts.CreateOrResetAsync(email, role, password, actor: "create-user", unitIds);
        if (errors.Count > 0)
        {
            await error.WriteLineAsync($"Account {email} was not saved: {string.Join(" ", errors)}");
            return 1;
        }

        var units = unitIds is null ? string.Empty : $" Units: {string.Join(", ", unitSlugs)}.";
        await output.WriteLineAsync((created ? $"Created {role} account {email}." : $"Reset password and role ({role}) of account {email}.") + units);
        return 0;
    }
}
