using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>
/// Reads when an API server's TLS certificate expires, from a handshake of its own: the pooled
/// connection keeps its handshakes to itself. Nothing is sent after the handshake, no credential
/// is offered, and trust is not judged here (the cluster's connection does that for every request).
/// </summary>
internal static class ServerCertificateProbe
{
    private const int HttpsPort = 443;

    /// <summary>The certificate's expiry; null over plain HTTP, through a proxy, or when no handshake could be made in time.</summary>
    public static async Task<DateTimeOffset?> ReadNotAfterAsync(ClusterAccess access, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (access.Server.Scheme != Uri.UriSchemeHttps || access.ProxyUrl is not null)
            return null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        X509Certificate2? presented = null;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(access.Server.IdnHost, access.Server.IsDefaultPort ? HttpsPort : access.Server.Port, deadline.Token).ConfigureAwait(false);
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = access.TlsServerName ?? access.Server.IdnHost.Trim('[', ']'),
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        presented = certificate is null ? null : new X509Certificate2(certificate);
                        return true;
                    },
                },
                deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
        using (presented)
        {
            return presented is null ? null : new DateTimeOffset(presented.NotAfter.ToUniversalTime());
        }
    }
}
