using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>
/// Whole TLS handshakes with a server whose certificate an intermediate CA issued, the registered
/// CA being the root: the chain is built from what the server sends, against that root alone.
/// </summary>
public sealed class ServerChainTests : IDisposable
{
    private readonly TestCertificateAuthority _root = new("Fleet Root CA");
    private readonly TestCertificateAuthority _intermediate;
    private readonly ClusterConnectionPool _pool = new();

    public ServerChainTests()
    {
        _intermediate = _root.IssueIntermediate("Fleet Issuing CA");
    }

    public void Dispose()
    {
        _pool.Dispose();
        _intermediate.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task TrustsAServerThatSendsItsIntermediateWhenTheRootIsRegistered()
    {
        using var server = OneAnswerServer.Start(_intermediate, sendIntermediate: true);
        using var connection = _pool.OpenUnpooled("prod", Access(server.Address, _root.Pem));

        using var answer = await connection.GetJsonAsync("/version");

        Assert.Equal("v1.32.5", answer.RootElement.GetProperty("gitVersion").GetString());
    }

    [Fact]
    public async Task RejectsAServerThatLeavesItsIntermediateOut()
    {
        using var server = OneAnswerServer.Start(_intermediate, sendIntermediate: false);
        using var connection = _pool.OpenUnpooled("prod", Access(server.Address, _root.Pem));

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => connection.GetJsonAsync("/version"));

        Assert.Equal("ClusterCertificateUntrusted", error.ErrorId);
        Assert.Contains("issued by CN=Fleet Issuing CA", error.Message);
        Assert.Contains("not trusted by the cluster's registered CA", error.Message);
    }

    [Fact]
    public async Task RejectsAServerWhoseRootIsNotTheRegisteredCa()
    {
        using var otherRoot = new TestCertificateAuthority("Other Root CA");
        using var server = OneAnswerServer.Start(_intermediate, sendIntermediate: true);
        using var connection = _pool.OpenUnpooled("prod", Access(server.Address, otherRoot.Pem));

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => connection.GetJsonAsync("/version"));

        Assert.Equal("ClusterCertificateUntrusted", error.ErrorId);
    }

    private static ClusterAccess Access(Uri server, string certificateAuthorityPem) =>
        new() { Server = server, CertificateAuthorityPem = certificateAuthorityPem, Credential = new TokenCredential("t") };

    /// <summary>A TLS server on loopback that answers one HTTP/1.1 request with a version document.</summary>
    private sealed class OneAnswerServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly X509Certificate2 _certificate;

        private OneAnswerServer(TcpListener listener, X509Certificate2 certificate)
        {
            _listener = listener;
            _certificate = certificate;
        }

        public Uri Address => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

        public static OneAnswerServer Start(TestCertificateAuthority issuer, bool sendIntermediate)
        {
            var certificate = issuer.IssueServer(["localhost"], [IPAddress.Loopback]);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var server = new OneAnswerServer(listener, certificate);
            var context = SslStreamCertificateContext.Create(certificate, sendIntermediate ? [issuer.Certificate] : [], offline: true);
            _ = server.AnswerAsync(context);
            return server;
        }

        public void Dispose()
        {
            _listener.Stop();
            _certificate.Dispose();
        }

        private async Task AnswerAsync(SslStreamCertificateContext context)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = context,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                });
                await ReadHeadersAsync(tls);
                const string body = """{"major":"1","minor":"32","gitVersion":"v1.32.5"}""";
                var answer = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await tls.WriteAsync(Encoding.ASCII.GetBytes(answer));
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client refused the handshake, which is what some tests expect.
            }
        }

        private static async Task ReadHeadersAsync(Stream stream)
        {
            var received = new List<byte>();
            var buffer = new byte[1024];
            while (!Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }
    }
}
