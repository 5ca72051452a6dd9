using System.Globalization;
using System.Text;

namespace KubeFleet.Bench.Compare.Report;

/// <summary>The markdown a comparison writes: when and where it ran, the goals, then every scenario's tables.</summary>
internal static class CompareRecord
{
    public static string Render(IReadOnlyList<ScenarioReport> scenarios, CompareOptions options, DateTimeOffset started, string loadBefore, string loadAfter, IReadOnlyList<string> fleetStartups)
    {
        var text = new StringBuilder();
        text.Append("## Comparison of ").Append(started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append("- machine: ").Append(MachineFacts.Describe()).Append('\n');
        text.Append("- load average (1, 5, 15 min) before: ").Append(loadBefore).Append(", after: ").Append(loadAfter).Append('\n');
        text.Append("- repetitions: ").Append(options.Repetitions).Append(" (kubectl rows: ").Append(options.KubectlRepetitions).Append("); every figure is a median\n");
        text.Append("- command: `dotnet run -c Release --project bench/KubeFleet.Bench -- compare")
            .Append(string.Concat(options.Scenarios.Select(name => " --scenario " + name)))
            .Append(" --repeat ").Append(options.Repetitions).Append(" --kubectl-repeat ").Append(options.KubectlRepetitions).Append("`\n");
        foreach (var startup in fleetStartups)
        {
            text.Append("- ").Append(startup).Append('\n');
        }

        var goals = scenarios.SelectMany(scenario => scenario.Goals).ToList();
        if (goals.Count > 0)
        {
            var table = new MarkdownTable("goal", "target", "measured", "verdict");
            foreach (var goal in goals)
            {
                table.Add(goal.Goal, goal.Target, goal.Measured, goal.Verdict);
            }

            text.Append("\n### Goals\n\n").Append(table);
        }

        foreach (var scenario in scenarios)
        {
            text.Append("\n### ").Append(scenario.Title).Append("\n\n").Append(scenario.Body);
        }

        return text.ToString();
    }
}
