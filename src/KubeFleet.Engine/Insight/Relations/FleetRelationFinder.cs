using System.Collections.Concurrent;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// Finds relations for resources from any cluster of a fleet, with one
/// <see cref="ResourceRelationFinder"/> per cluster for the whole command, so resources of one
/// cluster share its discovery and its list reads.
/// </summary>
public sealed class FleetRelationFinder
{
    private readonly ClusterConnectionPool connections;
    private readonly DiscoveryCache discovery;
    private readonly Func<string, SearchTarget> targetOf;
    private readonly CancellationToken stopping;
    private readonly ConcurrentDictionary<string, Lazy<Task<ResourceRelationFinder>>> finders = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="targetOf">How to reach a cluster by its registered name; throws a <see cref="Errors.KubeFleetException"/> when it cannot be reached.</param>
    /// <param name="stopping">Stops every read: the command's token, since reads are shared between resources.</param>
    public FleetRelationFinder(ClusterConnectionPool connections, DiscoveryCache discovery, Func<string, SearchTarget> targetOf, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(discovery);
        ArgumentNullException.ThrowIfNull(targetOf);
        this.connections = connections;
        this.discovery = discovery;
        this.targetOf = targetOf;
        this.stopping = stopping;
    }

    /// <summary>The resources related to <paramref name="source"/>, read from the cluster it came from.</summary>
    /// <exception cref="Errors.KubeFleetException">The cluster is not registered, has no credential, or could not be read.</exception>
    public async Task<ResourceRelations> FindAsync(ClusterResource source, RelationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var finder = finders.GetOrAdd(source.Cluster, cluster => new Lazy<Task<ResourceRelationFinder>>(() => OpenAsync(cluster)));
        try
        {
            return await (await finder.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).FindAsync(source, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Errors.KubeFleetException) when (finder.Value.IsFaulted)
        {
            // A cluster that could not be opened is tried again for the next resource: it may have been a passing failure.
            finders.TryRemove(new KeyValuePair<string, Lazy<Task<ResourceRelationFinder>>>(source.Cluster, finder));
            throw;
        }
    }

    private async Task<ResourceRelationFinder> OpenAsync(string cluster)
    {
        var target = targetOf(cluster);
        var connection = connections.Get(target.Name, target.Access);
        var catalog = await discovery.GetAsync(connection, stopping).ConfigureAwait(false);
        return new ResourceRelationFinder(connection, catalog, stopping);
    }
}
