using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>A plain-HTTP cluster is served like <c>kubectl proxy</c>: no TLS, no credentials, the admin's rights.</summary>
public sealed class PlainHttpTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryFolder folder = new();
    private StandInFleet? fleet;

    private StandInCluster Cluster => fleet!.Clusters[0];

    public async Task InitializeAsync() =>
        fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 30, Cluster = _ => new ClusterOptions { PlainHttp = true } });

    public async Task DisposeAsync() => await fleet!.DisposeAsync();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RequestsWithoutCredentialsActAsTheAdmin()
    {
        using var client = new HttpClient { BaseAddress = Cluster.Server };

        var (name, groups, _) = await Reviews.WhoAmIAsync(client);

        Assert.Equal("http", Cluster.Server.Scheme);
        Assert.Equal("admin", name);
        Assert.Contains("system:masters", groups);
    }

    [Fact]
    public async Task PresentedCredentialsAreStillChecked()
    {
        using var client = new HttpClient { BaseAddress = Cluster.Server };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        using var response = await client.GetAsync("/version");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [KubectlFact]
    public async Task KubectlReadsThroughAPlainHttpKubeconfig()
    {
        var kubeconfig = new KubeconfigBuilder().Add(Cluster, Cluster.Users.Viewer, CredentialStyle.Embedded).WriteTo(folder.File("config"));

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}");

        Assert.DoesNotContain("certificate-authority", File.ReadAllText(kubeconfig), StringComparison.Ordinal);
        Assert.Equal(Cluster.Uid, result.Stdout);
    }
}
