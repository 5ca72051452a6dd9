using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// All pods of a fleet: KubeFleet's search against the floor and against kubectl, one cluster at a
/// time and all at once. The headline fleet also checks the goals for it.
/// </summary>
internal sealed class FleetComparison(string name, FleetShape fleet, bool checksHeadlineGoals) : IScenario
{
    public const double SequentialGoal = 50;
    public const double ParallelGoal = 25;
    public const double FloorGoal = 1.5;
    public const double FirstResultGoalMs = 150;

    public static FleetComparison Headline { get; } = new("headline", FleetShape.Headline, checksHeadlineGoals: true);

    public static FleetComparison ManySmall { get; } = new("many-small", FleetShape.ManySmall, checksHeadlineGoals: false);

    public static FleetComparison OneBig { get; } = new("one-big", FleetShape.OneBig, checksHeadlineGoals: false);

    public string Name => name;

    public string Summary => $"all pods of {fleet}: KubeFleet, the floor, kubectl sequential and parallel";

    public FleetShape Fleet => fleet;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var options = context.Options;
        var rows = new List<ClientRow>
        {
            ClientRows.Search(ClientRows.KubeFleet, options.Repetitions),
            ClientRows.FloorDownload(ClientRows.Floor, options.Repetitions),
        };
        if (options.KubectlRepetitions > 0)
        {
            rows.Add(ClientRows.KubectlSequential(options.KubectlRepetitions));
            if (fleet.Clusters > 1)
            {
                rows.Add(ClientRows.KubectlParallel(options.KubectlRepetitions));
            }
        }

        var measured = await context.MeasureAsync(rows);
        var kubeFleet = measured[0];
        var body = $"Every pod of {fleet} ({Formats.Count(fleet.Pods)} objects), pages of 500, all clusters at once.\n\n"
            + RowsTable.Render(measured, kubeFleet);
        return new ScenarioReport($"{name}: {fleet}", body, checksHeadlineGoals ? Goals(measured) : []);
    }

    private static List<GoalCheck> Goals(IReadOnlyList<MeasuredRow> measured)
    {
        var kubeFleet = measured[0];
        var floor = measured[1];
        var goals = new List<GoalCheck>();
        foreach (var (client, goal) in new[] { ("kubectl sequential", SequentialGoal), ("kubectl parallel", ParallelGoal) })
        {
            if (measured.FirstOrDefault(row => row.Client == client) is { } kubectl)
            {
                var ratio = kubectl.TotalSeconds / kubeFleet.TotalSeconds;
                goals.Add(new GoalCheck($"all pods, 20 × 5,000: faster than {client}", $"≥ {goal}×", Formats.Ratio(ratio), ratio >= goal));
            }
        }

        var overFloor = kubeFleet.TotalSeconds / floor.TotalSeconds;
        goals.Add(new GoalCheck("all pods, 20 × 5,000: within reach of the floor", $"≤ {FloorGoal}× the floor's time", Formats.Ratio(overFloor), overFloor <= FloorGoal));
        var first = kubeFleet.FirstResultMs;
        goals.Add(new GoalCheck("first result", $"< {FirstResultGoalMs} ms", Formats.Milliseconds(first), first < FirstResultGoalMs));
        return goals;
    }
}
