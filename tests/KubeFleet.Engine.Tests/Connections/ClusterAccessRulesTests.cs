using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class ClusterAccessRulesTests : IDisposable
{
    private readonly ClusterConnectionPool _pool = new();

    public void Dispose() => _pool.Dispose();

    [Fact]
    public void RefusesCredentialsOverPlainHttp()
    {
        var error = Open(new ClusterAccess { Server = new Uri("http://10.0.0.1:8080"), Credential = new TokenCredential("canary-token-77") });

        Assert.Equal("ClusterCredentialsOverHttp", error.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, error.Kind);
        Assert.Contains("https://", error.Message);
        Assert.DoesNotContain("canary-token-77", error.ToString());
    }

    [Fact]
    public void AllowsPlainHttpWithoutCredentials()
    {
        using var connection = _pool.OpenUnpooled("local", new ClusterAccess { Server = new Uri("http://127.0.0.1:8080"), Credential = new AnonymousCredential() });

        Assert.Equal("local", connection.ClusterName);
    }

    [Fact]
    public void RefusesInsecureSkipTlsVerifyWithACertificateAuthority()
    {
        using var authority = new TestCertificateAuthority();

        var error = Open(new ClusterAccess
        {
            Server = new Uri("https://10.0.0.1:6443"),
            CertificateAuthorityPem = authority.Pem,
            InsecureSkipTlsVerify = true,
            Credential = new AnonymousCredential(),
        });

        Assert.Equal("ClusterInsecureWithCertificateAuthority", error.ErrorId);
        Assert.Contains("specifying a root certificates file with the insecure flag is not allowed", error.Message);
    }

    [Fact]
    public void RefusesACertificateAuthorityWithNoCertificate()
    {
        var error = Open(new ClusterAccess
        {
            Server = new Uri("https://10.0.0.1:6443"),
            CertificateAuthorityPem = "not a certificate",
            Credential = new AnonymousCredential(),
        });

        Assert.Equal("ClusterCertificateAuthorityInvalid", error.ErrorId);
    }

    [Fact]
    public void RefusesAnAddressThatIsNotHttps()
    {
        var error = Open(new ClusterAccess { Server = new Uri("ftp://10.0.0.1"), Credential = new AnonymousCredential() });

        Assert.Equal("ClusterServerAddressInvalid", error.ErrorId);
    }

    [Fact]
    public void RefusesImpersonatedGroupsWithoutAUser()
    {
        var error = Open(new ClusterAccess { Server = new Uri("https://10.0.0.1:6443"), Credential = new TokenCredential("t"), ImpersonateGroups = ["auditors"] });

        Assert.Equal("ClusterImpersonationInvalid", error.ErrorId);
    }

    [Fact]
    public void RefusesMoreThanOneImpersonatedGroupRatherThanSendingThemAsOne()
    {
        var error = Open(new ClusterAccess
        {
            Server = new Uri("https://10.0.0.1:6443"),
            Credential = new TokenCredential("t"),
            Impersonate = "alice",
            ImpersonateGroups = ["auditors", "viewers"],
        });

        Assert.Equal("ClusterImpersonationInvalid", error.ErrorId);
        Assert.Contains("one group at most", error.Message);
    }

    private KubeFleetException Open(ClusterAccess access) => Assert.Throws<KubeFleetException>(() => _pool.OpenUnpooled("prod", access));
}
