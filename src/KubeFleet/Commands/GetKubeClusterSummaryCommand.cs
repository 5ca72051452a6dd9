using System.Collections.Concurrent;
using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Insight;
using KubeFleet.Engine.Insight.Summary;
using KubeFleet.Engine.Registry;
using KubeFleet.Hosting;

namespace KubeFleet.Commands;

/// <summary>
/// Get-KubeClusterSummary: reads every named cluster live, all at once, and writes one summary per
/// cluster as soon as it is complete. A cluster that cannot be read is a non-terminating error.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeClusterSummary")]
[OutputType(typeof(KubeClusterSummary))]
public sealed class GetKubeClusterSummaryCommand : KubeClusterCommand
{
    public const string NotFoundErrorId = "GetKubeClusterSummaryNotFound";

    private const int ProgressActivityId = 4301;

    private readonly PipedClusterNames clusterNames = new();

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Cluster { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Workspace { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Kind { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    // Names arrive one pipeline object at a time; the clusters are read together at the end.
    protected override void Process() => clusterNames.Add(Cluster);

    protected override void End()
    {
        using var session = OpenSession();
        var selection = session.Registry.Select(clusterNames.Filter(Workspace), NotFoundErrorId);
        var fleet = FleetTargets.Open(selection.Clusters);
        foreach (var error in selection.Missing.Concat(fleet.Errors))
        {
            WriteError(error);
        }

        if (fleet.Targets.Count == 0)
        {
            return;
        }

        var connectionWarnings = new ConcurrentQueue<string>();
        using var connections = new ClusterConnectionPool(new ClusterConnectionOptions { OnWarning = warning => connectionWarnings.Enqueue(warning.Message) });
        var summaries = new FleetSummary(connections, new ClusterSummaryReader(new DiscoveryCache(), Kind));
        var plan = new ProgressPlan(ProgressActivityId, "Summarizing clusters", fleet.Targets.Count);
        WriteFromWorkers<KubeClusterSummary>(plan, (feed, cancellation) =>
            summaries.ReadAsync(fleet.Targets, TimeSpan.FromSeconds(TimeoutSec), async outcome =>
            {
                if (outcome.Summary is { } summary)
                {
                    foreach (var warning in summary.Warnings)
                    {
                        await feed.WriteWarningAsync(warning);
                    }

                    await feed.WriteObjectAsync(KubeClusterSummary.From(summary));
                }
                else
                {
                    await feed.WriteErrorAsync(outcome.Error!);
                }

                await feed.StepCompletedAsync($"{outcome.Cluster}: {(outcome.Summary is null ? "failed" : "summarized")}");
            }, cancellation));
        while (connectionWarnings.TryDequeue(out var warning))
        {
            WriteWarningOnce(warning);
        }
    }
}
