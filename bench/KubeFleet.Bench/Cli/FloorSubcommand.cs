using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;
using KubeFleet.Engine.Search;

namespace KubeFleet.Bench.Cli;

/// <summary><c>floor</c>: the raw download of every cluster's pod list, plus one reader pass over it.</summary>
internal sealed class FloorSubcommand : ISubcommand
{
    public string Name => "floor";

    public string Usage => "floor --fleet DIR [--page-size N] [--throttle N] [--label-selector S] [--http2] [--gzip] [--no-warmup]";

    public IReadOnlyCollection<string> ValueOptions => ["--fleet", "--page-size", "--throttle", "--label-selector"];

    public IReadOnlyCollection<string> FlagOptions => ["--http2", "--gzip", "--no-warmup"];

    public async Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var manifest = FleetManifest.Read(options.Required("--fleet"));
        var floor = new FloorOptions(
            options.Int("--page-size", SearchRequest.DefaultPageSize, minimum: 0),
            options.Int("--throttle", SearchRequest.DefaultThrottleLimit, minimum: 1),
            options.Value("--label-selector"),
            new HttpTransportChoice(Http2: options.Flag("--http2"), Gzip: options.Flag("--gzip")),
            Warmup: !options.Flag("--no-warmup"));
        await stdout.WriteLineAsync(BenchJson.Line(await FloorDownload.RunAsync(manifest, floor, cancellationToken)));
    }
}
