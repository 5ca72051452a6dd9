using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;

namespace KubeFleet.Bench.Cli;

/// <summary><c>registry</c>: Get-KubeCluster over a large profile, and one registration's profile write.</summary>
internal sealed class RegistrySubcommand : ISubcommand
{
    public string Name => "registry";

    public string Usage => "registry --fleet DIR [--clusters 1000] [--repeat 20]";

    public IReadOnlyCollection<string> ValueOptions => ["--fleet", "--clusters", "--repeat"];

    public IReadOnlyCollection<string> FlagOptions => [];

    public async Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var manifest = FleetManifest.Read(options.Required("--fleet"));
        var timings = new RegistryTimingOptions(options.Int("--clusters", 1000, minimum: 1), options.Int("--repeat", 20, minimum: 1));
        await stdout.WriteLineAsync(BenchJson.Line(await RegistryTimings.RunAsync(manifest, timings, cancellationToken)));
    }
}
