using System.Globalization;
using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// Real API servers are not on loopback: every request waits an injected round trip first. A chain
/// of 500-item pages is serial per cluster, so round trips add up; bigger pages or none trade that
/// for larger responses.
/// </summary>
internal sealed class InjectedLatency : IScenario
{
    public static readonly int[] RoundTripsMs = [10, 50, 150];

    public static readonly int[] PageSizes = [500, 5_000, 0];

    public const int GoalRoundTripMs = 50;
    public const int GoalPageSize = 500;
    public const double GoalSeconds = 2;

    public string Name => "latency";

    public string Summary => $"all pods of {Fleet} with 10, 50 and 150 ms per request, pages of 500, 5,000 and unpaged";

    public FleetShape Fleet => FleetShape.Headline;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var repetitions = context.Options.Repetitions;
        var table = new MarkdownTable("round trip", "page size", "KubeFleet", "first result", "floor", "KubeFleet ÷ floor");
        var allRows = new List<MeasuredRow>();
        var goals = new List<GoalCheck>();
        foreach (var roundTrip in RoundTripsMs)
        {
            context.Fleet.ForEachCluster(cluster => cluster.Faults.Latency = TimeSpan.FromMilliseconds(roundTrip));
            await context.NoteAsync($" {roundTrip} ms per request:");
            foreach (var pageSize in PageSizes)
            {
                var page = pageSize.ToString(CultureInfo.InvariantCulture);
                var measured = await context.MeasureAsync(
                [
                    ClientRows.Search($"KubeFleet, {roundTrip} ms, page {PageLabel(pageSize)}", repetitions, "--page-size", page),
                    ClientRows.FloorDownload($"floor, {roundTrip} ms, page {PageLabel(pageSize)}", repetitions, "--page-size", page),
                ]);
                var (kubeFleet, floor) = (measured[0], measured[1]);
                allRows.AddRange(measured);
                table.Add(
                    $"{roundTrip} ms",
                    PageLabel(pageSize),
                    Formats.Seconds(kubeFleet.TotalSeconds),
                    Formats.Milliseconds(kubeFleet.FirstResultMs),
                    Formats.Seconds(floor.TotalSeconds),
                    Formats.Ratio(kubeFleet.TotalSeconds / floor.TotalSeconds));
                if (roundTrip == GoalRoundTripMs && pageSize == GoalPageSize)
                {
                    goals.Add(new GoalCheck(
                        $"all pods, 20 × 5,000, {GoalRoundTripMs} ms per request, pages of {GoalPageSize}",
                        $"≤ {GoalSeconds} s",
                        Formats.Seconds(kubeFleet.TotalSeconds),
                        kubeFleet.TotalSeconds <= GoalSeconds));
                }
            }
        }

        await context.Fleet.ClearFaultsAsync();
        var body = $"Every request to every cluster of {Fleet} waits the round trip before it is answered (the stand-in's latency fault). Medians:\n\n"
            + table + "\n" + RowsTable.Commands(allRows.Where(row => row.Client.Contains($"{RoundTripsMs[0]} ms", StringComparison.Ordinal)))
            + $"\nThe same commands ran with {string.Join(", ", RoundTripsMs.Skip(1))} ms injected.\n";
        return new ScenarioReport($"{Name}: injected round trips on {Fleet}", body, goals);
    }

    private static string PageLabel(int pageSize) => pageSize == 0 ? "unpaged" : pageSize.ToString("N0", CultureInfo.InvariantCulture);
}
