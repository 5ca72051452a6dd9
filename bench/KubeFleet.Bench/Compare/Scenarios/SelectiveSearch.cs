using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// Searches that return few pods: a label selector the servers apply (about 1% of pods match), and
/// a query on <c>status.phase</c> that only the client can evaluate, so every pod still comes over
/// the wire and is read.
/// </summary>
internal sealed class SelectiveSearch : IScenario
{
    /// <summary>About 1% of the stand-in's pods: one of the applications most namespaces run.</summary>
    public const string LabelSelector = "app.kubernetes.io/component=database";

    public const string PhaseQuery = "status.phase != 'Running'";

    public string Name => "selective";

    public string Summary => $"few results from {Fleet}: a label selector (~1%) and a query on status.phase";

    public FleetShape Fleet => FleetShape.Headline;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var repetitions = context.Options.Repetitions;
        var measured = await context.MeasureAsync(
        [
            ClientRows.Search("KubeFleet, all pods", repetitions),
            ClientRows.Search("KubeFleet, label selector", repetitions, "--label-selector", LabelSelector),
            ClientRows.FloorDownload("floor, label selector", repetitions, "--label-selector", LabelSelector),
            ClientRows.Search("KubeFleet, query", repetitions, "--query", PhaseQuery),
            ClientRows.FloorDownload("floor, all pods", repetitions),
        ]);
        var selected = measured[1].DistinctResults[0];
        var queried = measured[3].DistinctResults[0];
        var body =
            $"On {Fleet}: `-LabelSelector '{LabelSelector}'` selects {Formats.Count(selected)} pods "
            + $"({100.0 * selected / Fleet.Pods:0.0}%) on the servers; `-Query \"{PhaseQuery}\"` selects {Formats.Count(queried)} "
            + $"({100.0 * queried / Fleet.Pods:0.0}%), evaluated on each pod as it arrives.\n\n"
            + RowsTable.Render(measured, measured[0]);
        return new ScenarioReport($"{Name}: label selector and query on {Fleet}", body, []);
    }
}
