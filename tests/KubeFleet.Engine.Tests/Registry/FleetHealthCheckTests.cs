using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Registry.Verification;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>Health checks of clusters that cannot answer, or cannot even be asked.</summary>
public sealed class FleetHealthCheckTests : IDisposable
{
    private readonly RegistryTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void AClusterWithoutACredentialInThisProfileIsReportedSo()
    {
        bed.Folder.Store(bed.Environment).Update(document => document.AddCluster(new ClusterRecord("shared", new Uri("https://10.1.2.3:6443"), RegistryTestBed.Start)));

        var outcome = Assert.Single(Check(TimeSpan.FromSeconds(5)));

        Assert.Equal(ClusterHealthStatus.NoCredential, outcome.Health!.Status);
    }

    [Fact]
    public void AnUnreachableClusterIsUnreachableWithTheConnectionsErrorId()
    {
        bed.RegisterUnverified("gone", RegistryKubeConfigs.Token(RegistryTestBed.RefusingServer()));

        var outcome = Assert.Single(Check(TimeSpan.FromSeconds(5)));

        Assert.Equal(ClusterHealthStatus.Unreachable, outcome.Health!.Status);
        Assert.Equal(ConnectionErrorIds.ConnectionRefused, outcome.Health.ErrorId);
        Canary.AssertAbsent(outcome.Health.Message);
    }

    [Fact]
    public void AClusterThatNeverAnswersIsUnreachableOnceItsTimeIsUp()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        bed.RegisterUnverified("silent", RegistryKubeConfigs.Token($"https://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"));

        var outcome = Assert.Single(Check(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(ClusterHealthStatus.Unreachable, outcome.Health!.Status);
        Assert.Equal(ConnectionErrorIds.Timeout, outcome.Health.ErrorId);
        Assert.Contains("did not finish its check within 0.3 s", outcome.Health.Message);
        Assert.Contains("-TimeoutSec", outcome.Health.Message);
    }

    [Fact]
    public void AClusterWhoseCredentialCannotBeOpenedIsAnErrorNotAHealth()
    {
        bed.RegisterUnverified("prod", RegistryKubeConfigs.Token("https://10.1.2.3:6443"));
        File.Delete(bed.Folder.KeyFilePath);

        var outcome = Assert.Single(Check(TimeSpan.FromSeconds(5)));

        Assert.Null(outcome.Health);
        Assert.Equal("ProfileKeyMissing", outcome.Error!.ErrorId);
    }

    [Fact]
    public void EveryClusterIsReportedEvenWhenSomeFail()
    {
        bed.RegisterUnverified("gone-1", RegistryKubeConfigs.Token(RegistryTestBed.RefusingServer()));
        bed.RegisterUnverified("gone-2", RegistryKubeConfigs.Token(RegistryTestBed.RefusingServer()));
        bed.Folder.Store(bed.Environment).Update(document => document.AddCluster(new ClusterRecord("shared", new Uri("https://10.1.2.3:6443"), RegistryTestBed.Start)));

        var outcomes = Check(TimeSpan.FromSeconds(5));

        Assert.Equal(["gone-1", "gone-2", "shared"], outcomes.Select(outcome => outcome.Cluster.Name).Order());
    }

    private List<HealthCheckOutcome> Check(TimeSpan timeout)
    {
        var session = bed.Open();
        var clusters = session.Registry.Select(ClusterFilter.All, RegistryErrorIds.TestNotFound).Clusters;
        var outcomes = new ConcurrentQueue<HealthCheckOutcome>();
        session.HealthCheck.CheckAsync(clusters, timeout, outcome =>
        {
            outcomes.Enqueue(outcome);
            return ValueTask.CompletedTask;
        }).GetAwaiter().GetResult();
        return [.. outcomes];
    }
}
