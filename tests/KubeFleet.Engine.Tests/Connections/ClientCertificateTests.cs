using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Tls;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class ClientCertificateTests : IDisposable
{
    private readonly TestCertificateAuthority _authority = new();

    public void Dispose() => _authority.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoadsRsaAndEcdsaCertificatesWithTheirKeys(bool ecdsa)
    {
        var (certificatePem, keyPem) = _authority.IssueClient("admin", ecdsa);

        var loaded = PemCertificates.LoadClientCertificate("prod", certificatePem, keyPem, "from its registration");

        Assert.True(loaded.Certificate.HasPrivateKey);
        Assert.Equal("CN=admin, O=system:masters", loaded.Certificate.Subject);
    }

    [Fact]
    public void AKeyThatDoesNotFitIsRejectedWithoutShowingIt()
    {
        var (certificatePem, _) = _authority.IssueClient("admin");
        var (_, otherKeyPem) = _authority.IssueClient("someone-else");

        var error = Assert.Throws<KubeFleetException>(() => PemCertificates.LoadClientCertificate("prod", certificatePem, otherKeyPem, "from its registration"));

        Assert.Equal("ClusterClientCertificateInvalid", error.ErrorId);
        var keyBody = otherKeyPem.Split('\n')[1];
        Assert.DoesNotContain(keyBody, error.ToString());
    }

    [Fact]
    public void AnExpiredCertificateIsRefusedWithItsDate()
    {
        var expiry = new DateTimeOffset(2025, 1, 31, 8, 30, 0, TimeSpan.Zero);
        var (certificatePem, keyPem) = _authority.IssueClient("admin", notBefore: expiry.AddYears(-1), notAfter: expiry);
        var certificate = PemCertificates.LoadClientCertificate("prod", certificatePem, keyPem, "from its registration").Certificate;

        var error = Assert.Throws<KubeFleetException>(() => ClientCertificateValidity.EnsureValid("prod", certificate, DateTimeOffset.UtcNow));

        Assert.Equal("ClusterClientCertificateExpired", error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("expired on 2025-01-31 08:30:00Z", error.Message);
    }

    [Fact]
    public void ACertificateNotYetValidIsRefusedWithItsDate()
    {
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var (certificatePem, keyPem) = _authority.IssueClient("admin", notBefore: start, notAfter: start.AddYears(1));
        var certificate = PemCertificates.LoadClientCertificate("prod", certificatePem, keyPem, "from its registration").Certificate;

        var error = Assert.Throws<KubeFleetException>(() => ClientCertificateValidity.EnsureValid("prod", certificate, DateTimeOffset.UtcNow));

        Assert.Equal("ClusterClientCertificateNotYetValid", error.ErrorId);
        Assert.Contains(ClientCertificateValidity.Format(new DateTimeOffset(certificate.NotBefore.ToUniversalTime())), error.Message);
    }

    [Fact]
    public async Task AConnectionChecksTheDatesBeforeConnecting()
    {
        var (certificatePem, keyPem) = _authority.IssueClient("admin", notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        using var pool = new ClusterConnectionPool();

        // Port 1 refuses connections: reaching the network would give another error.
        using var connection = pool.OpenUnpooled("prod", new ClusterAccess
        {
            Server = new Uri("https://127.0.0.1:1"),
            Credential = new ClientCertificateCredential(certificatePem, keyPem),
        });
        var error = await Assert.ThrowsAsync<KubeFleetException>(() => connection.GetJsonAsync("/version"));

        Assert.Equal("ClusterClientCertificateExpired", error.ErrorId);
    }
}
