using KubeFleet.Bench.Compare;

namespace KubeFleet.Bench.Cli;

/// <summary><c>compare</c>: hosts stand-in fleets, runs the chosen scenarios' rows in child processes, and writes the markdown record.</summary>
internal sealed class CompareSubcommand : ISubcommand
{
    public string Name => "compare";

    public string Usage =>
        "compare [--scenario NAME]... [--repeat 3] [--kubectl-repeat N] [--out FILE]\n" +
        "         NAME: " + string.Join(", ", ComparisonRun.Scenarios.Select(scenario => scenario.Name)) + " (default: all);\n" +
        "         --kubectl-repeat defaults to --repeat, 0 leaves the kubectl rows out; --out defaults to standard output";

    public IReadOnlyCollection<string> ValueOptions => ["--scenario", "--repeat", "--kubectl-repeat", "--out"];

    public IReadOnlyCollection<string> FlagOptions => [];

    public async Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var repetitions = options.Int("--repeat", 3, minimum: 1);
        var compare = new CompareOptions(
            options.Values("--scenario"),
            repetitions,
            options.Int("--kubectl-repeat", repetitions, minimum: 0),
            options.Value("--out"));
        var record = await ComparisonRun.RunAsync(compare, stderr, cancellationToken);
        if (compare.OutputPath is { } path)
        {
            await File.WriteAllTextAsync(path, record, cancellationToken);
            await stderr.WriteLineAsync($"The record is in {Path.GetFullPath(path)}.");
        }
        else
        {
            await stdout.WriteAsync(record);
        }
    }
}
