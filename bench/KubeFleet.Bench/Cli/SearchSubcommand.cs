using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;
using KubeFleet.Engine.Search;

namespace KubeFleet.Bench.Cli;

/// <summary><c>search</c>: registers a launcher's fleet in a temporary profile and searches it with the engine.</summary>
internal sealed class SearchSubcommand : ISubcommand
{
    public string Name => "search";

    public string Usage =>
        "search --fleet DIR [--kind K]... [--label-selector S] [--field-selector F] [--query Q] [--throttle N]\n" +
        "         [--page-size N] [--timeout SECONDS] [--cluster NAME]... [--disable-compression] [--no-warmup]";

    public IReadOnlyCollection<string> ValueOptions =>
        ["--fleet", "--kind", "--label-selector", "--field-selector", "--query", "--throttle", "--page-size", "--timeout", "--cluster"];

    public IReadOnlyCollection<string> FlagOptions => ["--disable-compression", "--no-warmup"];

    public async Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var manifest = FleetManifest.Read(options.Required("--fleet"));
        var request = new SearchRequest
        {
            Clusters = [],
            Kinds = options.Values("--kind"),
            LabelSelector = options.Value("--label-selector"),
            FieldSelector = options.Value("--field-selector"),
            Query = options.Value("--query"),
            ThrottleLimit = options.Int("--throttle", SearchRequest.DefaultThrottleLimit, minimum: 1),
            PageSize = options.Int("--page-size", SearchRequest.DefaultPageSize, minimum: 0),
            ClusterTimeout = options.Seconds("--timeout"),
        };
        using var fleet = await RegisteredFleet.RegisterAsync(manifest, options.Flag("--disable-compression"), cancellationToken);
        var measurement = await EngineSearch.RunAsync(
            fleet,
            new EngineSearchOptions(request, options.Values("--cluster"), Warmup: !options.Flag("--no-warmup")),
            stderr,
            cancellationToken);
        await stdout.WriteLineAsync(BenchJson.Line(measurement));
    }
}
