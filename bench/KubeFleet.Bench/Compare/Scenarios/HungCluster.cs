using System.Globalization;
using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// One cluster accepts requests and never answers. The search must give up on it at its timeout
/// and deliver every other cluster's pods meanwhile: the hung cluster costs its timeout, no more.
/// </summary>
internal sealed class HungCluster : IScenario
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>What finishing up may add to the timeout: cancelling, reporting, closing connections.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Forever = TimeSpan.FromHours(1);

    public string Name => "hang";

    public string Summary => $"all pods of {Fleet} while its last cluster hangs, with a {Timeout.TotalSeconds:0} s timeout";

    public FleetShape Fleet => FleetShape.Headline;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var hung = context.Fleet.Fleet.Clusters[^1];
        hung.Faults.Latency = Forever;
        var timeout = Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var measured = await context.MeasureAsync([ClientRows.Search($"KubeFleet, {hung.Name} hung", context.Options.Repetitions, "--timeout", timeout)]);
        await context.Fleet.ClearFaultsAsync();
        var row = measured[0];
        var expected = Fleet.Pods - Fleet.PodsPerCluster;
        var limit = (Timeout + Slack).TotalSeconds;
        var body = $"Every request to {hung.Name} waits an hour before it is answered; the search gives each cluster {timeout} s (`--timeout {timeout}`).\n\n"
            + RowsTable.Render(measured, row);
        GoalCheck[] goals =
        [
            new(
                $"one hung cluster of {Fleet.Clusters}, {timeout} s timeout: costs no more than its timeout",
                $"≤ {Formats.Seconds(limit)}, {Formats.Count(expected)} results, 1 error",
                $"{Formats.Seconds(row.TotalSeconds)}, {string.Join(" / ", row.DistinctResults.Select(Formats.Count))} results, {row.MostErrors} {(row.MostErrors == 1 ? "error" : "errors")}",
                row.TotalSeconds <= limit && row.DistinctResults.SequenceEqual([expected]) && row.Runs.All(run => run.Errors == 1)),
        ];
        return new ScenarioReport($"{Name}: one hung cluster in {Fleet}", body, goals);
    }
}
