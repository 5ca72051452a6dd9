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
    private const string InputObjectSet = "InputObject";
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

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public KubeResource[] InputObject { get; set; } = [];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RulePath { get; set; }

    [Parameter]
    public KubeAuditGrouping? GroupBy { get; set; }

    private readonly List<KubeResource> piped = [];

    protected override void Process()
    {
        if (ParameterSetName == InputObjectSet)
        {
            piped.AddRange(InputObject);
        }
    }

    protected override void End()
    {
        using var session = OpenSession();
        var rules = AuditRuleSet.LoadFor(session.Registry.ProfilePath, (RulePath ?? []).Select(ResolveFileSystemPath));
        var auditor = new ResourceAuditor(rules);
        if (ParameterSetName == InputObjectSet)
        {
            AuditPiped(session, auditor);
            return;
        }

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

        var board = ScoreBoard(selection.Clusters);
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

        WriteScores(board);
    }

    /// <summary>Audits exactly the resources piped in, as they were read; no cluster is read again.</summary>
    private void AuditPiped(RegistrySession session, ResourceAuditor auditor)
    {
        var names = piped.Select(resource => resource.Cluster).Distinct(StringComparer.OrdinalIgnoreCase);
        var board = ScoreBoard(session.Registry.Select(ClusterFilter.Exactly(names), NotFoundErrorId).Clusters);
        foreach (var resource in piped)
        {
            var audit = auditor.Audit(resource.Found);
            if (board is null)
            {
                WriteObject(KubeAuditResult.From(audit));
            }
            else
            {
                board.Add(audit);
            }
        }

        WriteScores(board);
    }

    /// <summary>With -GroupBy, the board that collects the scores; clusters no longer registered are in no workspace.</summary>
    private AuditScoreBoard? ScoreBoard(IEnumerable<Engine.Profile.ClusterRecord> clusters)
    {
        var workspaces = clusters.ToDictionary(cluster => cluster.Name, cluster => (IEnumerable<string>)cluster.Workspaces.ToList(), StringComparer.OrdinalIgnoreCase);
        return GroupBy is { } grouping
            ? new AuditScoreBoard(Enum.Parse<AuditGrouping>(grouping.ToString()), cluster => workspaces.GetValueOrDefault(cluster) ?? [])
            : null;
    }

    private void WriteScores(AuditScoreBoard? board)
    {
        foreach (var score in board?.Scores() ?? [])
        {
            WriteObject(KubeAuditScore.From(score));
        }
    }
}
