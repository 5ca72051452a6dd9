using KubeFleet.StandIn.Hosting;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>
/// Two clusters shared by the authentication tests (which change nothing): cluster-01 with the
/// defaults plus an extra certificate name, cluster-02 on Kubernetes 1.30 with anonymous access turned off.
/// </summary>
public sealed class AuthFleet : IAsyncLifetime
{
    public const string ExtraServerName = "kubernetes.standin.test";

    private StandInFleet? fleet;

    public StandInFleet Fleet => fleet ?? throw new InvalidOperationException("The fleet starts in InitializeAsync.");

    public StandInCluster Open => Fleet["cluster-01"];

    public StandInCluster Closed => Fleet["cluster-02"];

    public async Task InitializeAsync() => fleet = await StandInFleet.StartAsync(new FleetOptions
    {
        ClusterCount = 2,
        PodsPerCluster = 30,
        Cluster = index => index == 1
            ? new ClusterOptions { ExtraServerNames = [ExtraServerName] }
            : new ClusterOptions { AllowAnonymous = false, ServerMinor = 30 },
    });

    public async Task DisposeAsync()
    {
        if (fleet is not null)
        {
            await fleet.DisposeAsync();
        }
    }
}
