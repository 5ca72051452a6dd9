using System.Collections.Concurrent;
using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Insight;
using KubeFleet.Engine.Insight.Audit;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Search;
using KubeFleet.Hosting;

namespace KubeFleet.Commands;

/// <summary>
/// Test-KubeResource: audits resources with kubeaudit-style rules (data the user can extend) and
/// scores them as Karpor does, per resource or per group of resources.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "KubeResource", DefaultParameterSetName = ScopeSet)]
[OutputType(typeof(KubeAuditResult), typeof(KubeAuditScore))]
public sealed class TestKubeResourceCommand : KubeClusterCommand
{
    public const string NotFoundErrorId = "TestKubeResourceNotFound";

    private const string ScopeSet = "Scope";
    private const int ProgressActivityId = 4302;

    [Parameter(ParameterSetName = ScopeSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Cluster { get; set; }

    [Parameter(ParameterSetName = ScopeSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Workspace { get; set; }

    [Parameter(ParameterSetName = ScopeSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Namespace { get; set; }

    [Parameter(ParameterSetName = ScopeSet)]
    public SwitchParameter IncludeControlled { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RulePath { get; set; }

    [Parameter]
    public KubeAuditGrouping? GroupBy { get; set; }

    protected override void End()
    {
        using var session = OpenSession();
        var rules = AuditRuleSet.LoadFor(session.Registry.ProfilePath, (RulePath ?? []).Select(ResolveFileSystemPath));
        var auditor = new ResourceAuditor(rules);
        var scope = new AuditScope(rules, IsSwitchPresent(nameof(IncludeControlled)));
        var selection = session.Registry.Select(ClusterFilter.Create(Cluster, workspaces: Workspace), NotFoundErrorId);
        var fleet = FleetTargets.Open(selection.Clusters);
        foreach (var error in selection.Missing.Concat(fleet.Errors))
        {
            WriteError(error);
        }

        if (fleet.Targets.Count == 0)
        {
            return;
        }

        var workspaces = selection.Clusters.ToDictionary(cluster => cluster.Name, cluster => (IEnumerable<string>)cluster.Workspaces.ToList(), StringComparer.OrdinalIgnoreCase);
        var board = GroupBy is { } grouping ? new AuditScoreBoard(Enum.Parse<AuditGrouping>(grouping.ToString()), cluster => workspaces[cluster]) : null;
        var plan = SearchPlan.Create(new SearchRequest { Clusters = fleet.Targets, Kinds = scope.Kinds, Namespaces = Namespace ?? [] });
        var connectionWarnings = new ConcurrentQueue<string>();
        using var connections = new ClusterConnectionPool(new ClusterConnectionOptions { OnWarning = warning => connectionWarnings.Enqueue(warning.Message) });
        var search = new FleetSearch(connections, new DiscoveryCache());
        var progress = new ProgressPlan(ProgressActivityId, "Auditing clusters", plan.Clusters.Count);
        WriteFromWorkers<KubeAuditResult>(progress, async (feed, cancellation) =>
        {
            await foreach (var searchEvent in search.RunAsync(plan, cancellation))
            {
                switch (searchEvent)
                {
                    case ResourceFound found when scope.Includes(found.Resource):
                        var audit = auditor.Audit(found.Resource);
                        if (board is null)
                        {
                            await feed.WriteObjectAsync(KubeAuditResult.From(audit));
                        }
                        else
                        {
                            board.Add(audit);
                        }

                        break;
                    case SearchFailed failed:
                        await feed.WriteErrorAsync(failed.Error);
                        break;
                    case SearchNote note:
                        await feed.WriteVerboseAsync(note.Message);
                        break;
                    case ClusterSearched searched:
                        await feed.StepCompletedAsync($"{searched.Cluster}: {searched.Found} resources read");
                        break;
                }
            }
        });
        while (connectionWarnings.TryDequeue(out var warning))
        {
            WriteWarningOnce(warning);
        }

        foreach (var score in board?.Scores() ?? [])
        {
            WriteObject(KubeAuditScore.From(score));
        }
    }
}
