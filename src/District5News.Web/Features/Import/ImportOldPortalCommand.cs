using District5News.Web.Hosting;
using Microsoft.Extensions.Options;

namespace District5News.Web.Features.Import;

/// <summary>
/// <c>import-old-portal --path FILE_OR_FOLDER [--dry-run]</c>: imports saved pages of the old portal (a file, a folder read
/// recursively, or a zip) and prints the report. Exit code 0 when every file was imported or already there, 1 when
/// any file was skipped, 2 when the command could not run (bad arguments, no such path, input refused).
/// </summary>
public sealed class ImportOldPortalCommand(IServiceScopeFactory scopes, IOptions<ImportOptions> options) : IPortalCommand
{
    public const string CommandName = "import-old-portal";
    public const string Usage = "Cách dùng: import-old-portal --path TỆP_HOẶC_THƯ_MỤC [--dry-run]";

    public string Name => CommandName;

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = CommandLine.Option(args, "--path");
        var dryRun = CommandLine.Flag(args, "--dry-run");

        // Strict on purpose: a mistyped "--dryrun" must not turn a rehearsal into a real import.
        var unknown = args.Skip(1).Where((arg, i) => arg is not ("--path" or "--dry-run") && !IsPathValue(args, i + 1)).ToList();
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith("--", StringComparison.Ordinal) || unknown.Count > 0)
        {
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"Tham số không hợp lệ: {string.Join(' ', unknown)}");
            }

            await error.WriteLineAsync(Usage);
            return 2;
        }

        List<ImportFile> files;
        try
        {
            files = new ImportFileReader(options.Value).ReadPath(path);
        }
        catch (ImportSourceException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (files.Count == 0)
        {
            await error.WriteLineAsync($"Không có tệp nào để nhập trong {path}.");
            return 2;
        }

        await using var scope = scopes.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OldPortalImporter>();
        var report = await importer.ImportAsync(files, dryRun, actor: CommandName, cancellationToken);
        foreach (var line in report.ToLines())
        {
            await output.WriteLineAsync(line);
        }

        return report.Skipped.Count == 0 ? 0 : 1;
    }

    private static bool IsPathValue(string[] args, int index) => index > 0 && args[index - 1] == "--path";
}
