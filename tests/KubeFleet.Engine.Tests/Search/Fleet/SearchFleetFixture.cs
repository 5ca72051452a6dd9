using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>
/// A fleet that searches only read: three clusters, the first and third serving cert-manager's
/// custom resource, the second not. Faults are tried on fleets of their own.
/// </summary>
public sealed class SearchFleetFixture : IAsyncLifetime
{
    public StandInFleet Fleet { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 3, PodsPerCluster = 120, Seed = 11 });

    public async Task DisposeAsync() => await Fleet.DisposeAsync();
}
