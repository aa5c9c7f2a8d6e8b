using District5News.Web.Hosting;

namespace District5News.Web.Features.Accounts;

/// <summary>
/// <c>create-user --email E --role Administrator|Editor</c>: creates or resets a staff account, reading the password
/// from standard input so it never appears in the shell history or in a config file.
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
            await error.WriteLineAsync("Usage: create-user --email EMAIL --role Administrator|Editor   (password read from standard input)");
            return 2;
        }

        if (!StaffRoles.All.Contains(role))
        {
            await error.WriteLineAsync($"Bad role \"{role}\": use Administrator or Editor.");
            return 2;
        }

        var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password on standard input.");
            return 2;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (created, errors) = await accounts.CreateOrResetAsync(email, role, password, actor: "create-user");
        if (errors.Count > 0)
        {
            await error.WriteLineAsync($"Account {email} was not saved: {string.Join(" ", errors)}");
            return 1;
        }

        await output.WriteLineAsync(created ? $"Created {role} account {email}." : $"Reset password and role ({role}) of account {email}.");
        return 0;
    }
}
