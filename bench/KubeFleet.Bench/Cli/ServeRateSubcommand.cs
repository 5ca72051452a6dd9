using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;
using KubeFleet.Engine.Search;

namespace KubeFleet.Bench.Cli;

/// <summary><c>serve-rate</c>: the stand-in's raw serving rate of list bodies, one JSON line per client count.</summary>
internal sealed class ServeRateSubcommand : ISubcommand
{
    public static readonly IReadOnlyList<int> DefaultClientCounts = [1, 2, 4, 8];

    public string Name => "serve-rate";

    public string Usage => "serve-rate --fleet DIR [--clients 1,2,4,8] [--seconds 5] [--page-size N] [--http2] [--gzip]";

    public IReadOnlyCollection<string> ValueOptions => ["--fleet", "--clients", "--seconds", "--page-size"];

    public IReadOnlyCollection<string> FlagOptions => ["--http2", "--gzip"];

    public async Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var manifest = FleetManifest.Read(options.Required("--fleet"));
        var rate = new ServeRateOptions(
            options.Ints("--clients", DefaultClientCounts, minimum: 1),
            options.Seconds("--seconds") ?? TimeSpan.FromSeconds(5),
            options.Int("--page-size", SearchRequest.DefaultPageSize, minimum: 0),
            new HttpTransportChoice(Http2: options.Flag("--http2"), Gzip: options.Flag("--gzip")));
        foreach (var measurement in await ServeRate.RunAsync(manifest, rate, cancellationToken))
        {
            await stdout.WriteLineAsync(BenchJson.Line(measurement));
        }
    }
}
