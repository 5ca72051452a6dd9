using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Registry;
using KubeFleet.Hosting;

namespace KubeFleet.Commands;

/// <summary>
/// Test-KubeCluster: checks every named cluster at once, each against its own time limit, and
/// reports one result per cluster as soon as it is known.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "KubeCluster")]
[OutputType(typeof(KubeClusterTestResult))]
public sealed class TestKubeClusterCommand : KubeClusterCommand
{
    private const int ProgressActivityId = 4101;

    private readonly PipedClusterNames names = new();

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Workspace { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    // Names arrive one pipeline object at a time; the checks run together at the end.
    protected override void Process() => names.Add(Name);

    protected override void End()
    {
        using var session = OpenSession();
        var selection = session.Registry.Select(names.Filter(Workspace), RegistryErrorIds.TestNotFound);
        foreach (var missing in selection.Missing)
        {
            WriteError(missing);
        }

        if (selection.Clusters.Count == 0)
        {
            return;
        }

        var plan = new ProgressPlan(ProgressActivityId, "Testing clusters", selection.Clusters.Count);
        var healthCheck = session.HealthCheck;
        WriteFromWorkers<KubeClusterTestResult>(plan, (feed, cancellation) =>
            healthCheck.CheckAsync(selection.Clusters, TimeSpan.FromSeconds(TimeoutSec), async outcome =>
            {
                if (outcome.Error is { } unreadable)
                {
                    await feed.WriteErrorAsync(unreadable);
                }
                else
                {
                    var result = KubeClusterTestResult.From(outcome.Cluster, outcome.Health!);
                    await feed.WriteObjectAsync(result);
                }

                await feed.StepCompletedAsync($"{outcome.Cluster.Name}: {(outcome.Health?.Status.ToString() ?? "not checked")}");
            }, cancellation));
        WriteConnectionWarnings();
    }
}
