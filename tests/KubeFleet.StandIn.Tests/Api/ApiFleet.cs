using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Api;

/// <summary>
/// The fleet the API tests read from (none of them changes it): cluster-01 serves cert-manager's custom
/// resources, cluster-02 does not.
/// </summary>
public sealed class ApiFleet : IAsyncLifetime
{
    private readonly TemporaryFolder kubeconfigs = new();
    private StandInFleet? fleet;

    public StandInFleet Fleet => fleet ?? throw new InvalidOperationException("The fleet starts in InitializeAsync.");

    public StandInCluster WithCustomResources => Fleet["cluster-01"];

    public StandInCluster WithoutCustomResources => Fleet["cluster-02"];

    /// <summary>A client of cluster-01 authenticated as its admin (system:masters).</summary>
    public ApiClient Admin { get; private set; } = null!;

    /// <summary>A kubeconfig for the cluster's admin, credentials embedded.</summary>
    public string AdminKubeconfig(StandInCluster cluster) =>
        new KubeconfigBuilder().Add(cluster, cluster.Users.Admin, CredentialStyle.Embedded).WriteTo(kubeconfigs.File(cluster.Name + ".kubeconfig"));

    public async Task InitializeAsync()
    {
        fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 2, PodsPerCluster = 200, Seed = 4 });
        Admin = ApiClient.AsAdmin(WithCustomResources);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        kubeconfigs.Dispose();
        if (fleet is not null)
        {
            await fleet.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiFleetCollection : ICollectionFixture<ApiFleet>
{
    public const string Name = "API fleet";
}
