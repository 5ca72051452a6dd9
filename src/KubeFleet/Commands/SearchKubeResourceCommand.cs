using System.Collections.Concurrent;
using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Search;
using KubeFleet.Hosting;

namespace KubeFleet.Commands;

/// <summary>
/// Search-KubeResource: searches the registered clusters live, all at once, and writes each match
/// as soon as it arrives. One cluster's failure is that cluster's error; the others go on.
/// </summary>
[Cmdlet(VerbsCommon.Search, "KubeResource", SupportsPaging = true)]
[OutputType(typeof(KubeResource))]
public sealed class SearchKubeResourceCommand : KubeClusterCommand
{
    public const string ClusterNotFoundErrorId = "SearchKubeResourceClusterNotFound";

    private const int ProgressActivityId = 4201;

    // Shared by every search in the process: what each cluster serves is read once, not per
    // command. A search reads a cluster's discovery again when a name no longer resolves there.
    private static readonly DiscoveryCache Discovery = new();

    private readonly PipedClusterNames clusterNames = new();

    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(ResourceKindCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Kind { get; set; }

    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Namespace { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LabelSelector { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FieldSelector { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
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
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = SearchRequest.DefaultThrottleLimit;

    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; }

    [Parameter]
    public SwitchParameter IncludeSecretData { get; set; }

    // Clusters arrive one pipeline object at a time; one search over all of them runs at the end.
    protected override void Process() => clusterNames.Add(Cluster);

    protected override void End()
    {
        using var session = OpenSession();
        var selection = session.Registry.Select(clusterNames.Filter(Workspace), ClusterNotFoundErrorId);
        foreach (var missing in selection.Missing)
        {
            WriteError(missing);
        }

        var targets = Targets(selection.Clusters);
        var plan = SearchPlan.Create(Request(targets));
        if (selection.Clusters.Count == 0 && clusterNames.EveryCluster && Workspace is null)
        {
            WriteWarning($"No clusters are registered in the profile {session.Registry.ProfilePath}, so there is nothing to search. Register one with Register-KubeCluster.");
        }

        if (targets.Count > 0)
        {
            Search(plan);
        }
    }

    private SearchRequest Request(IReadOnlyList<SearchTarget> targets) => new()
    {
        // A total count needs every match, so with -IncludeTotalCount the window is applied here, not by the search.
        Skip = Paging.IncludeTotalCount ? 0 : Clamp(Paging.Skip),
        First = Paging.IncludeTotalCount || !Paging.LimitsFirst ? null : Clamp(Paging.First),
        Clusters = targets,
        Kinds = Kind ?? [],
        Namespaces = Namespace ?? [],
        Names = Name ?? [],
        LabelSelector = LabelSelector,
        FieldSelector = FieldSelector,
        Query = Query,
        ThrottleLimit = ThrottleLimit,
        ClusterTimeout = IsParameterBound(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : null,
        IncludeSecretData = IsSwitchPresent(nameof(IncludeSecretData)),
    };

    private static long Clamp(ulong count) => (long)Math.Min(count, long.MaxValue);

    /// <summary>The clusters that can be searched, with their credentials; says why each other one cannot.</summary>
    private List<SearchTarget> Targets(IReadOnlyList<ClusterRecord> clusters)
    {
        var targets = new List<SearchTarget>(clusters.Count);
        foreach (var cluster in clusters)
        {
            try
            {
                if (cluster.GetAccess() is { } access)
                {
                    targets.Add(new SearchTarget(cluster.Name, access));
                }
                else
                {
                    WriteWarning($"Cluster '{cluster.Name}' has no credential in this profile (it was imported without one), so it was not searched. Give it one with Update-KubeClusterCertificate -Name '{cluster.Name}' -KubeConfigPath <your kubeconfig>.");
                }
            }
            catch (KubeFleetException unreadable)
            {
                WriteError(unreadable);
            }
        }

        return targets;
    }

    private void Search(SearchPlan plan)
    {
        var connectionWarnings = new ConcurrentQueue<string>();
        using var connections = new ClusterConnectionPool(new ClusterConnectionOptions { OnWarning = warning => connectionWarnings.Enqueue(warning.Message) });
        var search = new FleetSearch(connections, Discovery);
        var progress = new ProgressPlan(ProgressActivityId, "Searching clusters", plan.Clusters.Count);
        var window = new TotalCountWindow(Paging);
        WriteFromWorkers<KubeResource>(progress, async (feed, cancellation) =>
        {
            var warningsWritten = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var searchEvent in search.RunAsync(plan, cancellation).ConfigureAwait(false))
            {
                await WriteWarningsAsync(feed, connectionWarnings, warningsWritten).ConfigureAwait(false);
                switch (searchEvent)
                {
                    case ResourceFound found:
                        if (window.Admits())
                        {
                            await feed.WriteObjectAsync(KubeResource.From(found.Resource)).ConfigureAwait(false);
                        }

                        break;
                    case SearchFailed failed:
                        window.Incomplete = true;
                        await feed.WriteErrorAsync(failed.Error).ConfigureAwait(false);
                        break;
                    case SearchNote note:
                        await feed.WriteVerboseAsync(note.Message).ConfigureAwait(false);
                        break;
                    case ClusterSearched searched:
                        await feed.StepCompletedAsync(Describe(searched)).ConfigureAwait(false);
                        break;
                }
            }

            await WriteWarningsAsync(feed, connectionWarnings, warningsWritten).ConfigureAwait(false);
        });
        if (Paging.IncludeTotalCount)
        {
            // A cluster that failed may hold more: then the count is a lower bound, which PowerShell shows as an estimate.
            WriteTotalCount(window.Total, window.Incomplete ? 0.5 : 1.0);
        }
    }

    /// <summary>With -IncludeTotalCount, every match is counted and only -Skip/-First's window is written; otherwise the search applied the window.</summary>
    private sealed class TotalCountWindow(PagingRequest paging)
    {
        public ulong Total { get; private set; }

        public bool Incomplete { get; set; }

        public bool Admits()
        {
            var index = Total++;
            return !paging.IncludeTotalCount || (index >= paging.Skip && index - paging.Skip < paging.First);
        }
    }

    /// <summary>Connections warn from any thread, and repeat themselves on every TLS handshake: each warning is written once.</summary>
    private static async Task WriteWarningsAsync(PipelineFeed<KubeResource> feed, ConcurrentQueue<string> warnings, HashSet<string> written)
    {
        while (warnings.TryDequeue(out var warning))
        {
            if (written.Add(warning))
            {
                await feed.WriteWarningAsync(warning).ConfigureAwait(false);
            }
        }
    }

    private static string Describe(ClusterSearched searched) => searched.Failures == 0
        ? $"{searched.Cluster}: {searched.Found} found"
        : $"{searched.Cluster}: {searched.Found} found, {searched.Failures} failed";
}
