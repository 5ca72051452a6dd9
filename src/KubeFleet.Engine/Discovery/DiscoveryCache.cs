using System.Collections.Concurrent;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Discovery;

/// <summary>
/// What each cluster serves, kept in memory for the life of the process, so a search asks a
/// cluster's discovery once and not on every run. A search refreshes a cluster's entry when a name
/// does not resolve there (a custom resource installed since) or a listed resource is gone.
/// </summary>
public sealed class DiscoveryCache
{
    private readonly ConcurrentDictionary<(string Cluster, string Server), ResourceCatalog> _catalogs = new();

    /// <summary>The cached catalog of a cluster, reading its discovery first if there is none.</summary>
    public async Task<ResourceCatalog> GetAsync(ClusterConnection connection, CancellationToken cancellationToken = default) =>
        _catalogs.TryGetValue(KeyOf(connection), out var catalog) ? catalog : await RefreshAsync(connection, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads a cluster's discovery again and caches the result.</summary>
    public async Task<ResourceCatalog> RefreshAsync(ClusterConnection connection, CancellationToken cancellationToken = default)
    {
        var catalog = await ClusterDiscovery.FetchAsync(connection, cancellationToken).ConfigureAwait(false);
        _catalogs[KeyOf(connection)] = catalog;
        return catalog;
    }

    /// <summary>Forgets every catalog of a cluster (unregistered, or known to have changed).</summary>
    public void Invalidate(string clusterName)
    {
        foreach (var key in _catalogs.Keys.Where(key => string.Equals(key.Cluster, clusterName, StringComparison.OrdinalIgnoreCase)))
        {
            _catalogs.TryRemove(key, out _);
        }
    }

    // The server address is part of the key: a name registered again for another cluster must not
    // inherit the first one's resources.
    private static (string, string) KeyOf(ClusterConnection connection) =>
        (connection.ClusterName.ToLowerInvariant(), connection.Access.Server.AbsoluteUri);
}
