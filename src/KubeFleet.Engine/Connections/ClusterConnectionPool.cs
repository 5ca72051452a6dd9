using KubeFleet.Engine.Connections.Exec;

namespace KubeFleet.Engine.Connections;

/// <summary>
/// The connections of a process, one per cluster, reused for as long as the cluster's access is
/// unchanged, and the in-memory cache of exec plugin credentials they share. Callers never build
/// HttpClients themselves.
/// </summary>
public sealed class ClusterConnectionPool : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, PooledConnection> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly ExecCredentialProvider _execCredentials;
    private bool _disposed;

    public ClusterConnectionPool(ClusterConnectionOptions? options = null)
    {
        Options = options ?? new ClusterConnectionOptions();
        Options.Validate();
        _execCredentials = new ExecCredentialProvider(new ExecPluginRunner(Options.ExecPluginTimeout, Options.StandardInputIsTerminal));
    }

    public ClusterConnectionOptions Options { get; }

    /// <summary>
    /// The pooled connection to a cluster. The pool owns it: do not dispose it. When the access has
    /// changed (rotated credentials), the old connection is retired once its requests finish.
    /// </summary>
    public ClusterConnection Get(string clusterName, ClusterAccess access)
    {
        var digest = AccessDigest.OfAccess(access);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connections.TryGetValue(clusterName, out var pooled) && pooled.AccessDigest == digest)
            {
                return pooled.Connection;
            }

            var connection = new ClusterConnection(clusterName, access, Options, _execCredentials);
            pooled?.Connection.Dispose();
            _connections[clusterName] = new PooledConnection(digest, connection);
            return connection;
        }
    }

    /// <summary>
    /// A connection outside the pool, for an access not registered yet (verification before
    /// registering). It shares the exec credential cache; the caller disposes it.
    /// </summary>
    public ClusterConnection OpenUnpooled(string clusterName, ClusterAccess access)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ClusterConnection(clusterName, access, Options, _execCredentials);
    }

    /// <summary>Forgets a cluster's connection (unregistered, or renamed); in-flight requests finish.</summary>
    public void Evict(string clusterName)
    {
        lock (_gate)
        {
            if (_connections.Remove(clusterName, out var pooled))
            {
                pooled.Connection.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var pooled in _connections.Values)
            {
                pooled.Connection.Dispose();
            }

            _connections.Clear();
        }
    }

    private sealed record PooledConnection(string AccessDigest, ClusterConnection Connection);
}
