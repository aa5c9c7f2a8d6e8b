namespace District5News.Benchmarks;

/// <summary>The tools behind scripts/benchmark.sh; see docs/benchmarks.md.</summary>
internal static class Program
{
    private const string Usage = """
        usage:
          District5News.Benchmarks generate --db PATH --count N --out FOLDER [--seed S]
          District5News.Benchmarks bare --urls http://127.0.0.1:PORT
          District5News.Benchmarks views --db PATH | --postgresql CONNECTION_STRING
          District5News.Benchmarks copy-postgresql --db PATH --to CONNECTION_STRING
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var options = Options.Parse(args.Skip(1));
        switch (args[0])
        {
            case "generate":
                await BulletinGenerator.RunAsync(
                    options.Required("db"), int.Parse(options.Required("count"), System.Globalization.CultureInfo.InvariantCulture),
                    options.Required("out"), int.Parse(options.Get("seed") ?? "5", System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case "bare":
                await BarePage.RunAsync(options.Required("urls"));
                return 0;
            case "views":
                Console.WriteLine(options.Get("postgresql") is { } postgresql
                    ? await CountReader.ReadPostgreSqlAsync(postgresql)
                    : await CountReader.ReadAsync(options.Required("db")));
                return 0;
            case "copy-postgresql":
                await PostgreSqlCopy.RunAsync(options.Required("db"), options.Required("to"));
                return 0;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string? key = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    key = arg[2..];
                    values[key] = "true";
                }
                else if (key is not null)
                {
                    values[key] = arg;
                    key = null;
                }
            }

            return new Options(values);
        }

        public string? Get(string key) => values.GetValueOrDefault(key);

        public string Required(string key) =>
            Get(key) ?? throw new ArgumentException($"--{key} is required.{Environment.NewLine}{Usage}");
    }
}
