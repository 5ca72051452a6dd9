using System.Globalization;
using KubeFleet.Bench.Compare.Report;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// The stand-in's own serving rate: clients that only download (reading each page's head for its
/// continue token), so the record shows whether the stand-in, rather than a client, sets the pace.
/// </summary>
internal sealed class StandInServeRate : IScenario
{
    public const string ClientCounts = "1,2,4,8";

    public string Name => "serve-rate";

    public string Summary => $"the stand-in's raw serving rate over loopback, {ClientCounts} clients, HTTP/1.1 and HTTP/2";

    public FleetShape Fleet => FleetShape.Headline;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var http11 = BenchCommand.For("serve-rate", "--fleet", BenchCommand.FleetPlaceholder, "--clients", ClientCounts, "--seconds", "5");
        var http2 = BenchCommand.For("serve-rate", "--fleet", BenchCommand.FleetPlaceholder, "--clients", ClientCounts, "--seconds", "5", "--http2");
        var runs = new Dictionary<(bool Http2, int Clients), List<ServeRateMeasurement>>();
        for (var round = 1; round <= context.Options.Repetitions; round++)
        {
            foreach (var (command, isHttp2) in new[] { (http11, false), (http2, true) })
            {
                foreach (var line in await context.RunOnceAsync(command))
                {
                    var run = BenchJson.Parse<ServeRateMeasurement>(line);
                    (runs.TryGetValue((isHttp2, run.Clients), out var list) ? list : runs[(isHttp2, run.Clients)] = []).Add(run);
                    await context.NoteAsync($"  serve-rate {(isHttp2 ? "HTTP/2" : "HTTP/1.1")}, {run.Clients} clients [{round}]: {run.MegabytesPerSecond:0} MB/s, {run.ObjectsPerSecond:N0} objects/s");
                }
            }
        }

        var table = new MarkdownTable("clients", "HTTP/1.1 MB/s", "HTTP/1.1 objects/s", "HTTP/2 MB/s", "HTTP/2 objects/s");
        foreach (var clients in runs.Keys.Select(key => key.Clients).Distinct().Order())
        {
            string Rate(bool isHttp2, Func<ServeRateMeasurement, double> value) =>
                runs.TryGetValue((isHttp2, clients), out var list) ? Formats.Rate(Median.Of(list.Select(value))) : "–";
            table.Add(
                clients.ToString(CultureInfo.InvariantCulture),
                Rate(false, run => run.MegabytesPerSecond),
                Rate(false, run => run.ObjectsPerSecond),
                Rate(true, run => run.MegabytesPerSecond),
                Rate(true, run => run.ObjectsPerSecond));
        }

        var body = $"Pod lists of {Fleet} in pages of 500, over TLS on loopback, each client walking whole lists cluster after cluster for 5 s. Medians:\n\n"
            + table + $"\n- `{http11}`\n- `{http2}`\n";
        return new ScenarioReport($"{Name}: the stand-in's serving rate", body, []);
    }
}
