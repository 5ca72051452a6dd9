using System.Diagnostics;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Faults;

/// <summary>What kubectl prints when a cluster misbehaves: the same as for a real one.</summary>
public sealed class KubectlFaultTests : IAsyncLifetime
{
    private readonly TemporaryFolder folder = new();
    private StandInFleet? fleet;
    private string kubeconfig = "";

    private StandInCluster Cluster => fleet!.Clusters[0];

    public async Task InitializeAsync()
    {
        fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 30 });
        kubeconfig = new KubeconfigBuilder().Add(Cluster, Cluster.Users.Admin, CredentialStyle.Embedded).WriteTo(folder.File("config"));
    }

    public async Task DisposeAsync()
    {
        await fleet!.DisposeAsync();
        folder.Dispose();
    }

    [KubectlFact]
    public async Task ServerErrorPrintsInternalError()
    {
        Cluster.Faults.FailAllRequests("boom");

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "get", "pods", "-n", "shop");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error from server (InternalError): Internal error occurred: boom\n", result.Stderr);
    }

    [KubectlFact]
    public async Task ThrottledReadsAreRetriedAfterRetryAfter()
    {
        Cluster.Faults.ThrottleNextRequests(2, retryAfterSeconds: 1);

        var watch = Stopwatch.StartNew();
        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "get", "pods", "-n", "shop", "-o", "name");

        Assert.Equal(0, result.ExitCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"kubectl succeeded after {watch.Elapsed}, without waiting out Retry-After twice.");
        Assert.All(result.StdoutLines, line => Assert.StartsWith("pod/", line, StringComparison.Ordinal));
    }

    [KubectlTheory]
    [InlineData(ServerCertificateFault.Expired)]
    [InlineData(ServerCertificateFault.NotYetValid)]
    public async Task CertificateOutsideItsValidityFailsVerification(ServerCertificateFault fault)
    {
        Cluster.Faults.ServerCertificate = fault;

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "auth", "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Unable to connect to the server: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(fault == ServerCertificateFault.Expired ? " is after " : " is before ", result.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task ClosedPortIsRefused()
    {
        await Cluster.Faults.ClosePortAsync();

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "auth", "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"The connection to the server 127.0.0.1:{Cluster.Server.Port} was refused - did you specify the right host or port?\n", result.Stderr);
    }

    [KubectlFact]
    public async Task RevokedStaticTokenIsUnauthorizedWhileTheExecPluginGetsANewOne()
    {
        var plugin = fleet!.InstallExecPlugin(folder.File("plugin"));
        var viewer = new KubeconfigBuilder().Add(Cluster, Cluster.Users.Viewer, CredentialStyle.Embedded).WriteTo(folder.File("viewer"));
        var exec = new KubeconfigBuilder(plugin).Add(Cluster, Cluster.Users.Viewer, CredentialStyle.ExecV1).WriteTo(folder.File("exec"));
        Cluster.Faults.RevokeTokens();

        var revoked = await KubectlBinary.ForMinor().RunAsync(viewer, "auth", "whoami");
        var renewed = await KubectlBinary.ForMinor().RunAsync(exec, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");

        Assert.Equal("error: You must be logged in to the server (Unauthorized)\n", revoked.Stderr);
        Assert.Equal("viewer", renewed.Stdout);
    }
}
