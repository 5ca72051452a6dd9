using KubeFleet.Engine.KubeConfig;
using KubeFleet.Engine.Registry;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>Two stand-in clusters for the registry's tests, which change nothing on them.</summary>
public sealed class RegistryStandInFleet : IAsyncLifetime
{
    private StandInFleet? fleet;

    public StandInCluster One => Fleet["cluster-01"];

    public StandInCluster Two => Fleet["cluster-02"];

    private StandInFleet Fleet => fleet ?? throw new InvalidOperationException("The fleet starts in InitializeAsync.");

    public async Task InitializeAsync() => fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 2, PodsPerCluster = 30 });

    public async Task DisposeAsync()
    {
        if (fleet is not null)
        {
            await fleet.DisposeAsync();
        }
    }

    /// <summary>The access source of a kubeconfig with one context for each (cluster, user), the first one current.</summary>
    public static AccessSource Source(params (StandInCluster Cluster, StandInUser User)[] contexts)
    {
        var builder = new KubeconfigBuilder();
        foreach (var (cluster, user) in contexts)
        {
            builder.Add(cluster, user, CredentialStyle.Embedded);
        }

        return new AccessSource { KubeConfig = KubeConfigLoader.LoadText(builder.ToYaml()) };
    }
}
