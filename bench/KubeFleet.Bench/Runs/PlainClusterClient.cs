using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Bench.Fleets;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.KubeConfig;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// A plain <see cref="HttpClient"/> to one stand-in cluster as its admin: the client certificate and
/// the cluster's CA from its kubeconfig, nothing else. No retries, no error mapping, no exec
/// plugins: the least a client can do, for the floor and for measuring the stand-in itself.
/// </summary>
internal sealed class PlainClusterClient : IDisposable
{
    private readonly X509Certificate2 _clientCertificate;
    private readonly X509Certificate2 _authority;
    private readonly HttpClient _client;

    public PlainClusterClient(FleetMember cluster, HttpTransportChoice transport)
    {
        var access = KubeConfigLoader.LoadFiles([cluster.AdminKubeconfig]).ResolveContext().Access;
        if (access.Credential is not ClientCertificateCredential credential || access.CertificateAuthorityPem is not { } authorityPem)
        {
            throw BenchErrors.Fleet(
                $"The admin kubeconfig of cluster '{cluster.Name}' ({cluster.AdminKubeconfig}) has no client certificate or no CA; the floor needs the launcher's admin kubeconfigs.",
                cluster.AdminKubeconfig);
        }

        Name = cluster.Name;
        Server = access.Server;
        _clientCertificate = X509Certificate2.CreateFromPem(credential.CertificatePem, credential.KeyPem);
        _authority = X509Certificate2.CreateFromPem(authorityPem);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = transport.Gzip ? DecompressionMethods.GZip : DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [_clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, _) => IssuedByAuthority(certificate),
            },
        };
        _client = new HttpClient(handler)
        {
            DefaultRequestVersion = transport.Http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Name { get; }

    public Uri Server { get; }

    /// <summary>GETs a path as JSON; the response's body is still to be read.</summary>
    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server, pathAndQuery));
        request.Headers.Accept.ParseAdd("application/json");
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw BenchErrors.Run($"Cluster '{Name}' answered GET {pathAndQuery} with {(int)status} {status}.", Name);
        }

        return response;
    }

    public void Dispose()
    {
        _client.Dispose();
        _clientCertificate.Dispose();
        _authority.Dispose();
    }

    private bool IssuedByAuthority(X509Certificate? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}

/// <summary>How a plain client talks: HTTP/1.1 or HTTP/2, and whether it asks for gzip.</summary>
internal readonly record struct HttpTransportChoice(bool Http2, bool Gzip)
{
    public override string ToString() => $"{(Http2 ? "HTTP/2" : "HTTP/1.1")}{(Gzip ? ", gzip" : "")}";
}
