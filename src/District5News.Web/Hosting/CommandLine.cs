using District5News.Web.Features.Accounts;

namespace District5News.Web.Hosting;

/// <summary>
/// The portal's commands, run instead of the web server when the first argument names one:
/// <c>create-user --email E --role Administrator|Editor</c> (password from standard input).
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["create-user"] = CreateUserAsync,
    };

    /// <summary>Registers another command (the archive importer adds its own).</summary>
    public static void Register(string name, Func<WebApplication, string[], Task<int>> command) => Commands[name] = command;

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static Task<int> RunAsync(WebApplication app, string[] args) => Commands[args[0]](app, args);

    /// <summary>The value after <paramref name="name"/>, e.g. --email x.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<int> CreateUserAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var role = Option(args, "--role");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(role))
        {
            await Console.Error.WriteLineAsync("Usage: create-user --email EMAIL --role Administrator|Editor   (password read from standard input)");
            return 2;
        }

        if (!StaffRoles.All.Contains(role))
        {
            await Console.Error.WriteLineAsync($"Bad role \"{role}\": use Administrator or Editor.");
            return 2;
        }

        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password on standard input.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var (created, errors) = await accounts.CreateOrResetAsync(email, role, password, actor: "create-user");
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Account {email} was not saved: {string.Join(" ", errors)}");
            return 1;
        }

        Console.WriteLine(created ? $"Created {role} account {email}." : $"Reset password and role ({role}) of account {email}.");
        return 0;
    }
}
