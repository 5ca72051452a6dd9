using System.Collections.Concurrent;
using System.Management.Automation;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Insight;
using KubeFleet.Engine.Insight.Relations;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Search;
using KubeFleet.Hosting;

namespace KubeFleet.Commands;

/// <summary>
/// Get-KubeResourceRelation: the topology around resources piped from Search-KubeResource, with
/// Karpor's edge rules (owners, selectors, references by path, volume binding), read live from each
/// resource's own cluster. Each edge is an object whose related resource pipes on.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeResourceRelation")]
[OutputType(typeof(KubeResourceRelation))]
public sealed class GetKubeResourceRelationCommand : KubeClusterCommand
{
    public const string NotFoundErrorId = "GetKubeResourceRelationClusterNotFound";

    private const int ProgressActivityId = 4303;

    private readonly List<KubeResource> sources = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Related")]
    [ValidateNotNull]
    public KubeResource[] InputObject { get; set; } = [];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public KubeRelationType[]? Relation { get; set; }

    [Parameter]
    public KubeRelationDirection? Direction { get; set; }

    // Resources arrive one pipeline object at a time; a cluster's lists are read once for all of them at the end.
    protected override void Process() => sources.AddRange(InputObject);

    protected override void End()
    {
        if (sources.Count == 0)
        {
            return;
        }

        using var session = OpenSession();
        var names = sources.Select(source => source.Cluster).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var selection = session.Registry.Select(ClusterFilter.Exactly(names), NotFoundErrorId);
        var fleet = FleetTargets.Open(selection.Clusters);
        foreach (var error in selection.Missing.Concat(fleet.Errors))
        {
            WriteError(error);
        }

        var targets = fleet.Targets.ToDictionary(target => target.Name, StringComparer.OrdinalIgnoreCase);
        var reachable = sources.Where(source => targets.ContainsKey(source.Cluster)).ToList();
        if (reachable.Count == 0)
        {
            return;
        }

        var filter = new RelationFilter(
            Relation?.Select(relation => Enum.Parse<ResourceRelation>(relation.ToString())).ToHashSet(),
            Direction is { } direction ? Enum.Parse<RelationDirection>(direction.ToString()) : null);
        var connectionWarnings = new ConcurrentQueue<string>();
        using var connections = new ClusterConnectionPool(new ClusterConnectionOptions { OnWarning = warning => connectionWarnings.Enqueue(warning.Message) });
        var progress = new ProgressPlan(ProgressActivityId, "Finding relations", reachable.Count);
        WriteFromWorkers<KubeResourceRelation>(progress, async (feed, cancellation) =>
        {
            var finder = new FleetRelationFinder(connections, new DiscoveryCache(), cluster => targets[cluster], cancellation);
            var warned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in reachable)
            {
                try
                {
                    var relations = await finder.FindAsync(source.Found, filter, cancellation).ConfigureAwait(false);
                    foreach (var warning in relations.Warnings.Where(warned.Add))
                    {
                        await feed.WriteWarningAsync(warning).ConfigureAwait(false);
                    }

                    foreach (var related in relations.Related)
                    {
                        await feed.WriteObjectAsync(KubeResourceRelation.From(source, related)).ConfigureAwait(false);
                    }

                    await feed.StepCompletedAsync($"{source}: {relations.Related.Count} related").ConfigureAwait(false);
                }
                catch (KubeFleetException failure)
                {
                    await feed.WriteErrorAsync(failure).ConfigureAwait(false);
                    await feed.StepCompletedAsync($"{source}: failed").ConfigureAwait(false);
                }
            }
        });
        WriteConnectionWarnings(connectionWarnings);
    }

    private void WriteConnectionWarnings(ConcurrentQueue<string> warnings)
    {
        while (warnings.TryDequeue(out var warning))
        {
            WriteWarningOnce(warning);
        }
    }
}
