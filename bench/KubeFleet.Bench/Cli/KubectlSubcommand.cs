using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;

namespace KubeFleet.Bench.Cli;

/// <summary><c>kubectl</c>: the foreach loop over <c>kubectl get -A -o json</c>, one cluster at a time or all at once.</summary>
internal sealed class KubectlSubcommand : ISubcommand
{
    public const int DefaultMinor = 32;

    public string Name => "kubectl";

    public string Usage => "kubectl --fleet DIR [--parallel] [--kind K] [--minor 27..33]";

    public IReadOnlyCollection<string> ValueOptions => ["--fleet", "--kind", "--minor"];

    public IReadOnlyCollection<string> FlagOptions => ["--parallel"];

    public async Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var manifest = FleetManifest.Read(options.Required("--fleet"));
        var kubectl = new KubectlOptions(options.Int("--minor", DefaultMinor, minimum: 27), options.Value("--kind") ?? "pods", options.Flag("--parallel"));
        await stdout.WriteLineAsync(BenchJson.Line(await KubectlLoop.RunAsync(manifest, kubectl, stderr, cancellationToken)));
    }
}
