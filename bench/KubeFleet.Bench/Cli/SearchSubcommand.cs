using System.Net;
using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Search;

namespace KubeFleet.Bench.Cli;

/// <summary><c>search</c>: registers a launcher's fleet in a temporary profile and searches it with the engine.</summary>
internal sealed class SearchSubcommand : ISubcommand
{
    public string Name => "search";

    public string Usage =>
        "search --fleet DIR [--kind K]... [--label-selector S] [--field-selector F] [--query Q] [--throttle N]\n" +
        "         [--page-size N] [--timeout SECONDS] [--cluster NAME]... [--disable-compression] [--http1.1]\n" +
        "         [--no-warmup | --warm-session]";

    public IReadOnlyCollection<string> ValueOptions =>
        ["--fleet", "--kind", "--label-selector", "--field-selector", "--query", "--throttle", "--page-size", "--timeout", "--cluster"];

    public IReadOnlyCollection<string> FlagOptions => ["--disable-compression", "--http1.1", "--no-warmup", "--warm-session"];

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
            new EngineSearchOptions(
                request,
                options.Values("--cluster"),
                Warmup(options),
                options.Flag("--http1.1") ? new ClusterConnectionOptions { HttpVersion = HttpVersion.Version11 } : new ClusterConnectionOptions()),
            stderr,
            cancellationToken);
        await stdout.WriteLineAsync(BenchJson.Line(measurement));
    }

    private static SearchWarmup Warmup(CommandLine options) =>
        (options.Flag("--no-warmup"), options.Flag("--warm-session")) switch
        {
            (true, true) => throw BenchErrors.Argument("--no-warmup and --warm-session contradict each other; give one of them, or neither for a warm-up over one cluster.", "--warm-session"),
            (true, false) => SearchWarmup.None,
            (false, true) => SearchWarmup.Session,
            _ => SearchWarmup.OneCluster,
        };
}
