using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// Peak memory while streaming 100,000 pods into a consumer that only counts them, against 10,000:
/// a streaming search grows with what is in flight, not with what has passed. One cluster at a
/// time isolates the object count; the default throttle shows what parallel clusters add.
/// </summary>
internal sealed class StreamingMemory : IScenario
{
    public const double GrowthGoalMegabytes = 150;

    public string Name => "memory";

    public string Summary => $"peak memory streaming 10,000 and 100,000 pods of {Fleet}";

    public FleetShape Fleet => FleetShape.Headline;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var clusters = context.Fleet.Manifest.Clusters;
        var tenThousand = (int)Math.Ceiling(10_000.0 / Fleet.PodsPerCluster);
        string[] fewClusters = [.. clusters.Take(tenThousand).SelectMany(cluster => new[] { "--cluster", cluster.Name })];
        var small = Fleet.PodsPerCluster * tenThousand;
        var repetitions = context.Options.Repetitions;
        var measured = await context.MeasureAsync(
        [
            ClientRows.Search($"{Formats.Count(small)} pods, one cluster at a time", repetitions, [.. fewClusters, "--throttle", "1"]),
            ClientRows.Search($"{Formats.Count(Fleet.Pods)} pods, one cluster at a time", repetitions, "--throttle", "1"),
            ClientRows.Search($"{Formats.Count(small)} pods, {tenThousand} clusters at once", repetitions, fewClusters),
            ClientRows.Search($"{Formats.Count(Fleet.Pods)} pods, {Fleet.Clusters} clusters at once", repetitions),
        ]);
        var serialGrowth = measured[1].PeakMegabytes - measured[0].PeakMegabytes;
        var parallelGrowth = measured[3].PeakMegabytes - measured[2].PeakMegabytes;
        var body = $"The peak working set of the searching process (after a warm-up; the peak is reset before the measured search). "
            + $"From {Formats.Count(small)} to {Formats.Count(Fleet.Pods)} pods it grows by {Formats.Megabytes(serialGrowth)} one cluster at a time, "
            + $"and by {Formats.Megabytes(parallelGrowth)} with every cluster at once (which also holds more in flight).\n\n"
            + RowsTable.Render(measured, measured[0]);
        GoalCheck[] goals =
        [
            new("peak memory growth from 10,000 to 100,000 streamed objects", $"≤ {GrowthGoalMegabytes} MB", Formats.Megabytes(serialGrowth), serialGrowth <= GrowthGoalMegabytes),
        ];
        return new ScenarioReport($"{Name}: streaming {Formats.Count(small)} and {Formats.Count(Fleet.Pods)} pods", body, goals);
    }
}
