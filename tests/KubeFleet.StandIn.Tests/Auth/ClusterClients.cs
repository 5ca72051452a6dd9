using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>
/// HttpClients for a stand-in cluster that trust exactly its CA, as a kubeconfig does, with an
/// optional client certificate or bearer token. Each client has its own connections, so
/// certificate faults are seen by the next client made.
/// </summary>
public static class ClusterClients
{
    public static HttpClient For(StandInCluster cluster, string? token = null, X509Certificate2? clientCertificate = null)
    {
        var authority = X509Certificate2.CreateFromPem(cluster.CertificateAuthorityPem);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && Trusts(authority, new X509Certificate2(certificate)),
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = cluster.Server, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Whether <paramref name="certificate"/> chains to <paramref name="authority"/> and is valid now.</summary>
    public static bool Trusts(X509Certificate2 authority, X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
