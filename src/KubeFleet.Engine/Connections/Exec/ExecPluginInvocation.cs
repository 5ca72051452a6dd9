namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// One exec plugin as used for one cluster: the configuration and the cluster info it may be given.
/// Credentials are cached per invocation, as client-go caches them per exec config and cluster.
/// </summary>
internal sealed record ExecPluginInvocation(string ClusterName, ExecConfig Config, ClusterAccess Access)
{
    private string? _cacheKey;

    public string CacheKey => _cacheKey ??= AccessDigest.OfExecInvocation(Config, Access);
}
