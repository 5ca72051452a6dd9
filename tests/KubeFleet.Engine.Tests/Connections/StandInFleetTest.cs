using KubeFleet.Engine.Connections;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>
/// A test class on the shared stand-in fleet: its own connection pool, and the faulty cluster's
/// faults cleared after each test so that no test sees another's.
/// </summary>
[Collection(StandInFleetCollection.Name)]
public abstract class StandInFleetTest(StandInFleetFixture fixture) : IAsyncLifetime
{
    protected StandInFleetFixture Fixture => fixture;

    protected ClusterConnectionPool Pool { get; } = new();

    protected StandInCluster Healthy => fixture.Healthy;

    protected StandInCluster Faulty => fixture.Faulty;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Pool.Dispose();
        await Faulty.Faults.ClearAsync();
    }
}
