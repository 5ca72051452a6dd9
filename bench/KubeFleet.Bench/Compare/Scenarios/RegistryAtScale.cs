using KubeFleet.Bench.Compare.Report;
using KubeFleet.Bench.Measuring;
using KubeFleet.Bench.Runs;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>Get-KubeCluster over a 1,000-cluster profile, and one registration's profile write.</summary>
internal sealed class RegistryAtScale : IScenario
{
    public const int Clusters = 1_000;
    public const double GetGoalMs = 50;

    public string Name => "registry";

    public string Summary => $"Get-KubeCluster over {Clusters:N0} registered clusters; one registration's profile write";

    /// <summary>Only its kubeconfigs are used, for credentials to register; the smallest fleet does.</summary>
    public FleetShape Fleet => FleetShape.OneBig;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var command = BenchCommand.For("registry", "--fleet", BenchCommand.FleetPlaceholder, "--clusters", Clusters.ToString(System.Globalization.CultureInfo.InvariantCulture), "--repeat", "20");
        var runs = new List<RegistryMeasurement>();
        for (var round = 1; round <= context.Options.Repetitions; round++)
        {
            var lines = await context.RunOnceAsync(command);
            var run = BenchJson.Parse<RegistryMeasurement>(lines[^1]);
            runs.Add(run);
            await context.NoteAsync($"  registry [{round}/{context.Options.Repetitions}]: Get-KubeCluster {run.GetKubeClusterMs:0.0} ms, registration write {run.RegisterWriteMs:0.0} ms");
        }

        var get = Median.Of(runs.Select(run => run.GetKubeClusterMs));
        var write = Median.Of(runs.Select(run => run.RegisterWriteMs));
        var table = new MarkdownTable("operation", "median", "profile")
            .Add($"Get-KubeCluster, all {Clusters:N0} clusters", Formats.Milliseconds(get), $"{runs[0].ProfileBytes / 1024:N0} KiB")
            .Add("one registration (-SkipVerification): read, seal, write", Formats.Milliseconds(write), "");
        var body = $"A profile of {Clusters:N0} clusters, each with its own sealed client certificate and key. Each run times each operation 20 times "
            + "after a warm-up and reports the median; the table shows the median over runs. Get-KubeCluster reads and parses the profile "
            + "on every call, as the cmdlet does.\n\n" + table + $"\n- `{command}`\n";
        GoalCheck[] goals = [new($"Get-KubeCluster over {Clusters:N0} clusters", $"< {GetGoalMs} ms", Formats.Milliseconds(get), get < GetGoalMs)];
        return new ScenarioReport($"{Name}: {Clusters:N0} registered clusters", body, goals);
    }
}
