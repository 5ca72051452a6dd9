using KubeFleet.Bench.Compare.Report;
using KubeFleet.Bench.Compare.Scenarios;

namespace KubeFleet.Bench.Compare;

/// <summary>
/// The whole comparison: the chosen scenarios grouped by the fleet they need, each fleet hosted
/// once (generating one takes a while) and stopped before the next starts, so only one is in memory.
/// </summary>
internal static class ComparisonRun
{
    public static IReadOnlyList<IScenario> Scenarios { get; } =
    [
        FleetComparison.Headline,
        new SelectiveSearch(),
        new StreamingMemory(),
        new InjectedLatency(),
        new Compression(),
        new HungCluster(),
        new StandInServeRate(),
        FleetComparison.ManySmall,
        FleetComparison.OneBig,
        new RegistryAtScale(),
    ];

    /// <exception cref="Engine.Errors.KubeFleetException">BenchArgumentInvalid for an unknown scenario; BenchRunFailed when a run fails.</exception>
    public static async Task<string> RunAsync(CompareOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var chosen = Choose(options.Scenarios);
        var started = DateTimeOffset.UtcNow;
        var loadBefore = MachineFacts.LoadAverage();
        var child = new BenchChild(progress);
        var reports = new Dictionary<IScenario, ScenarioReport>();
        var startups = new List<string>();
        foreach (var group in chosen.GroupBy(scenario => scenario.Fleet))
        {
            await progress.WriteLineAsync($"Starting a stand-in fleet of {group.Key}…");
            await using var fleet = await HostedFleet.StartAsync(group.Key, cancellationToken);
            startups.Add($"fleet of {group.Key}: generated and started in {Formats.Seconds(fleet.Startup.TotalSeconds)}");
            var context = new ScenarioContext(fleet, child, options, progress, cancellationToken);
            foreach (var scenario in group)
            {
                await progress.WriteLineAsync($"Scenario {scenario.Name}: {scenario.Summary}");
                reports[scenario] = await scenario.RunAsync(context);
            }
        }

        var resolved = options with { Scenarios = chosen.Select(scenario => scenario.Name).ToList() };
        return CompareRecord.Render(chosen.Select(scenario => reports[scenario]).ToList(), resolved, started, loadBefore, MachineFacts.LoadAverage(), startups);
    }

    /// <summary>The named scenarios in the record's order; all of them when none is named.</summary>
    private static List<IScenario> Choose(IReadOnlyList<string> names)
    {
        var unknown = names.Where(name => Scenarios.All(scenario => scenario.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw BenchErrors.Argument(
                $"There is no scenario {string.Join(", ", unknown.Select(name => $"'{name}'"))}; the scenarios are {string.Join(", ", Scenarios.Select(scenario => scenario.Name))}.",
                unknown[0]);
        }

        return Scenarios.Where(scenario => names.Count == 0 || names.Contains(scenario.Name)).ToList();
    }
}
