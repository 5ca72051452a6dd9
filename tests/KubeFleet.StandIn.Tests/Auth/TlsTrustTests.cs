using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>Each cluster has its own CA: its kubeconfig trusts it alone; the fleet's bundle trusts all.</summary>
public sealed class TlsTrustTests(AuthFleet fleet) : IClassFixture<AuthFleet>
{
    [Fact]
    public async Task ServingCertificateNamesLoopbackAndLocalhostAndChainsToItsOwnClusterOnly()
    {
        var served = await ServedCertificateAsync(fleet.Open);
        var names = served.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();

        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Equal(["localhost", AuthFleet.ExtraServerName], names.EnumerateDnsNames());
        Assert.True(Verifies(fleet.Open.CertificateAuthorityPem, served));
        Assert.False(Verifies(fleet.Closed.CertificateAuthorityPem, served));
    }

    [Fact]
    public async Task FleetBundleVerifiesEveryCluster()
    {
        foreach (var cluster in fleet.Fleet.Clusters)
        {
            Assert.True(Verifies(fleet.Fleet.CertificateAuthorityBundlePem, await ServedCertificateAsync(cluster)), cluster.Name);
        }
    }

    private static bool Verifies(string trustedPem, X509Certificate2 certificate)
    {
        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPem(trustedPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static async Task<X509Certificate2> ServedCertificateAsync(StandInCluster cluster)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, cluster.Server.Port);
        X509Certificate2? served = null;
        using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            served = new X509Certificate2(certificate!);
            return true;
        });
        await tls.AuthenticateAsClientAsync("localhost");
        return served!;
    }
}
