using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.Hosting;

/// <summary>
/// A fleet of independent stand-in clusters on free loopback ports, for tests, benchmarks and the
/// launcher. Dispose it to stop every cluster.
/// </summary>
public sealed class StandInFleet : IAsyncDisposable
{
    private readonly ExecTokens execTokens;
    private int disposed;

    private StandInFleet(IReadOnlyList<StandInCluster> clusters, ExecTokens execTokens)
    {
        Clusters = clusters;
        this.execTokens = execTokens;
    }

    public IReadOnlyList<StandInCluster> Clusters { get; }

    /// <summary>
    /// Every cluster's CA in one PEM bundle: trusting it reaches the whole fleet. Each cluster has
    /// its own CA, so a single cluster's kubeconfig trusts that cluster only.
    /// </summary>
    public string CertificateAuthorityBundlePem => string.Concat(Clusters.Select(c => c.CertificateAuthorityPem));

    public StandInCluster this[string name] => Clusters.FirstOrDefault(c => c.Name == name)
        ?? throw new KubeFleetException("StandInClusterNotFound", ErrorKind.ObjectNotFound,
            $"The fleet has no cluster '{name}'. Its clusters are: {string.Join(", ", Clusters.Select(c => c.Name))}.", name);

    public static async Task<StandInFleet> StartAsync(FleetOptions options, CancellationToken cancellationToken = default)
    {
        if (options.ClusterCount < 1)
        {
            throw new KubeFleetException("StandInClusterCountInvalid", ErrorKind.InvalidArgument,
                $"A fleet needs at least one cluster, but {options.ClusterCount} were asked for.", options.ClusterCount);
        }

        if (options.PodsPerCluster < 0)
        {
            throw new KubeFleetException("StandInPodCountInvalid", ErrorKind.InvalidArgument,
                $"The pod count cannot be negative ({options.PodsPerCluster}).", options.PodsPerCluster);
        }

        var execTokens = ExecTokens.CreateRandom();
        var observedAt = options.DataObservedAt ?? options.TimeProvider.GetUtcNow();
        var starting = Enumerable.Range(1, options.ClusterCount)
            .Select(index =>
            {
                var clusterOptions = options.ForCluster(index);
                return StandInCluster.StartAsync(index, clusterOptions.Pods ?? options.PodsPerCluster, options.Seed, observedAt, clusterOptions, execTokens, options.TimeProvider, cancellationToken);
            })
            .ToList();
        try
        {
            return new StandInFleet(await Task.WhenAll(starting), execTokens);
        }
        catch
        {
            // Clusters that did start must not keep their ports when the fleet as a whole failed.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.StopAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Writes the exec credential plugin into <paramref name="folder"/>: the fleet secret, a plain
    /// plugin script, and <c>aws</c>, which answers <c>aws eks get-token</c>.
    /// </summary>
    public ExecPluginInstall InstallExecPlugin(string folder, ExecPluginOptions? options = null) =>
        ExecPluginInstaller.Install(folder, execTokens, options ?? new ExecPluginOptions());

    /// <summary>
    /// Writes what the launcher writes: a kubeconfig per cluster and user, <c>fleet.json</c>, and the
    /// exec plugin the exec users' kubeconfigs run. Every file is owner-only.
    /// </summary>
    public FleetFiles WriteFiles(string folder) => FleetFiles.Write(this, folder);

    /// <summary>Turns every fault of every cluster off again, ports open.</summary>
    public async Task ClearFaultsAsync()
    {
        foreach (var cluster in Clusters)
        {
            await cluster.Faults.ClearAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        foreach (var cluster in Clusters)
        {
            await cluster.StopAsync();
        }
    }
}
