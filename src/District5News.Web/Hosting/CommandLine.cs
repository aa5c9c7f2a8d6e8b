namespace District5News.Web.Hosting;

/// <summary>A command the portal runs instead of the web server when the first argument names it.</summary>
public interface IPortalCommand
{
    string Name { get; }

    /// <summary>
    /// False for a command that looks at the database file as it is (check-database): the start-up initialisation
    /// (migrations, refusing a missing or damaged file) is then left to the command.
    /// </summary>
    bool InitializesDatabase => true;

    /// <summary>Runs the command; the result is the process exit code.</summary>
    Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

/// <summary>Finds and runs the registered <see cref="IPortalCommand"/>s (create-user, import-old-portal, ...).</summary>
public static class CommandLine
{
    public static bool IsCommand(WebApplication app, string[] args) => Find(app.Services, args) is not null;

    /// <summary>Whether the database is initialised before running what <paramref name="args"/> ask for (always for the web server).</summary>
    public static bool InitializesDatabase(WebApplication app, string[] args) => Find(app.Services, args)?.InitializesDatabase ?? true;

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        Find(app.Services, args)!.RunAsync(args, Console.In, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>The value after <paramref name="name"/>, e.g. --email x.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Every value given to a repeatable option, e.g. --unit a --unit b.</summary>
    public static IReadOnlyList<string?> Options(string[] args, string name)
    {
        var values = new List<string?>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name)
            {
                values.Add(i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null);
            }
        }

        return values;
    }

    public static bool Flag(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);

    private static IPortalCommand? Find(IServiceProvider services, string[] args) =>
        args.Length == 0 ? null : services.GetServices<IPortalCommand>().FirstOrDefault(c => c.Name == args[0]);
}
