using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Tls;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class ServerCertificateValidatorTests : IDisposable
{
    private readonly TestCertificateAuthority _authority = new("Fleet CA");
    private readonly List<ClusterWarning> _warnings = [];

    public void Dispose() => _authority.Dispose();

    [Fact]
    public void TrustsACertificateFromTheRegisteredCaForTheServersAddress()
    {
        using var certificate = _authority.IssueServer(["localhost"], [IPAddress.Loopback]);

        Assert.True(Validator().Validate(this, certificate, null, SslPolicyErrors.None));
    }

    [Fact]
    public void RejectsACertificateFromAnotherCaEvenWhenThePlatformWouldTrustIt()
    {
        using var otherAuthority = new TestCertificateAuthority("Other CA");
        using var certificate = otherAuthority.IssueServer(["localhost"], [IPAddress.Loopback]);

        var error = Assert.Throws<KubeFleetException>(() => Validator().Validate(this, certificate, null, SslPolicyErrors.None));

        Assert.Equal("ClusterCertificateUntrusted", error.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, error.Kind);
        Assert.Contains("issued by CN=Other CA", error.Message);
        Assert.Contains("not trusted by the cluster's registered CA", error.Message);
    }

    [Fact]
    public void RejectsAnExpiredServerCertificateWithItsDate()
    {
        var expiry = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        using var certificate = _authority.IssueServer(["localhost"], [IPAddress.Loopback], expiry.AddYears(-1), expiry);

        var error = Assert.Throws<KubeFleetException>(() => Validator().Validate(this, certificate, null, SslPolicyErrors.None));

        Assert.Equal("ClusterServerCertificateExpired", error.ErrorId);
        Assert.Contains("expired on 2024-05-01 12:00:00Z", error.Message);
    }

    [Fact]
    public void AHostnameMismatchNamesTheNamesTheCertificateIsValidFor()
    {
        using var certificate = _authority.IssueServer(["localhost", "fake-apiserver.test"], [IPAddress.Loopback]);

        var error = Assert.Throws<KubeFleetException>(() => Validator(tlsServerName: "wrong-name.test").Validate(this, certificate, null, SslPolicyErrors.None));

        Assert.Equal("ClusterHostnameMismatch", error.ErrorId);
        Assert.Contains("is valid for localhost, fake-apiserver.test, 127.0.0.1, not wrong-name.test", error.Message);
        Assert.Contains("tls-server-name", error.Message);
    }

    [Fact]
    public void ChecksTheTlsServerNameInsteadOfTheAddress()
    {
        using var certificate = _authority.IssueServer(["kubernetes.default.svc"], []);

        Assert.True(Validator(tlsServerName: "kubernetes.default.svc").Validate(this, certificate, null, SslPolicyErrors.None));
        Assert.Throws<KubeFleetException>(() => Validator().Validate(this, certificate, null, SslPolicyErrors.None));
    }

    [Fact]
    public void IgnoresTheCommonNameAsGoDoes()
    {
        using var certificate = _authority.IssueServer([], [IPAddress.Parse("10.0.0.1")]);

        var error = Assert.Throws<KubeFleetException>(() => Validator(server: "https://kube-apiserver:6443").Validate(this, certificate, null, SslPolicyErrors.None));

        Assert.Equal("ClusterHostnameMismatch", error.ErrorId);
    }

    [Fact]
    public void TheHandshakeBuildsTheServersChainAgainstTheRegisteredCaAlone()
    {
        using var otherAuthority = new TestCertificateAuthority("Other CA");
        using var ours = _authority.IssueServer(["localhost"], [IPAddress.Loopback]);
        using var theirs = otherAuthority.IssueServer(["localhost"], [IPAddress.Loopback]);

        var policy = Validator().HandshakeChainPolicy();

        Assert.NotNull(policy);
        Assert.Equal(X509ChainTrustMode.CustomRootTrust, policy.TrustMode);
        Assert.True(BuildsWith(policy, ours));
        Assert.False(BuildsWith(policy, theirs));
    }

    [Fact]
    public void WithoutARegisteredCaTheHandshakeUsesTheSystemsRoots()
    {
        var access = new ClusterAccess { Server = new Uri("https://127.0.0.1:6443"), Credential = new AnonymousCredential() };

        Assert.Null(new ServerCertificateValidator("lab", access, null, _warnings.Add).HandshakeChainPolicy());
    }

    [Fact]
    public void InsecureSkipTlsVerifyAcceptsAnythingAndWarnsEachTime()
    {
        using var otherAuthority = new TestCertificateAuthority("Other CA");
        using var certificate = otherAuthority.IssueServer(["elsewhere.test"], []);
        var access = new ClusterAccess { Server = new Uri("https://127.0.0.1:6443"), InsecureSkipTlsVerify = true, Credential = new AnonymousCredential() };
        var validator = new ServerCertificateValidator("lab", access, null, _warnings.Add);

        Assert.True(validator.Validate(this, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.True(validator.Validate(this, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors));

        Assert.Equal(2, _warnings.Count);
        Assert.All(_warnings, warning => Assert.Equal("lab", warning.ClusterName));
        Assert.Contains("insecure-skip-tls-verify", _warnings[0].Message);
    }

    private static bool BuildsWith(X509ChainPolicy policy, X509Certificate2 certificate)
    {
        using var chain = new X509Chain { ChainPolicy = policy.Clone() };
        return chain.Build(certificate);
    }

    private ServerCertificateValidator Validator(string server = "https://127.0.0.1:6443", string? tlsServerName = null)
    {
        var access = new ClusterAccess
        {
            Server = new Uri(server),
            TlsServerName = tlsServerName,
            CertificateAuthorityPem = _authority.Pem,
            Credential = new AnonymousCredential(),
        };
        return new ServerCertificateValidator("prod", access, PemCertificates.LoadCertificateAuthority("prod", _authority.Pem), _warnings.Add);
    }
}
