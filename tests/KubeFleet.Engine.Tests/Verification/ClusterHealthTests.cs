using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Registry.Verification;
using KubeFleet.Engine.Tests.Connections;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Verification;

[Collection(StandInFleetCollection.Name)]
public sealed class ClusterHealthTests(StandInFleetFixture fixture) : IAsyncLifetime
{
    private readonly ClusterConnectionPool _pool = new();

    private StandInCluster Healthy => fixture.Healthy;

    private StandInCluster Faulty => fixture.Faulty;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _pool.Dispose();
        await Faulty.Faults.ClearAsync();
    }

    [Fact]
    public async Task AClusterThatAnswersAsRegisteredIsHealthy()
    {
        var health = await CheckAsync(Healthy, StandInAccess.AdminCertificate(Healthy), Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.Healthy, health.Status);
        Assert.True(health.IdentityMatches);
        Assert.Equal(Healthy.Version, health.Version?.GitVersion);
        Assert.NotNull(health.Latency);
        Assert.Equal("admin", health.User);
        Assert.InRange(health.CertificateDaysLeft!.Value, 360, 365);
        Assert.False(health.Permissions?.ReadOnly);
        Assert.Null(health.ErrorId);
        Assert.Contains($"Kubernetes {Healthy.Version}", health.Message);
    }

    [Fact]
    public async Task AnotherClusterAtTheAddressIsAnIdentityMismatch()
    {
        var health = await CheckAsync(Healthy, StandInAccess.ViewerToken(Healthy), Faulty.Uid);

        Assert.Equal(ClusterHealthStatus.IdentityMismatch, health.Status);
        Assert.False(health.IdentityMatches);
        Assert.Equal(Healthy.Uid, health.ClusterUid);
        Assert.Contains(Faulty.Uid, health.Message);
    }

    [Fact]
    public async Task ACertificateExpiringWithinAWeekIsReported()
    {
        var certificate = Healthy.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(3).AddHours(1));
        var access = StandInAccess.AdminCertificate(Healthy) with { Credential = new ClientCertificateCredential(certificate.CertificatePem, certificate.PrivateKeyPem) };

        var health = await CheckAsync(Healthy, access, Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.CertificateExpiring, health.Status);
        Assert.Equal(3, health.CertificateDaysLeft);
        Assert.True(health.IdentityMatches);
    }

    [Fact]
    public async Task AnExpiredCertificateIsReportedWithItsDate()
    {
        var certificate = Healthy.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow.AddDays(-10));
        var access = StandInAccess.AdminCertificate(Healthy) with { Credential = new ClientCertificateCredential(certificate.CertificatePem, certificate.PrivateKeyPem) };

        var health = await CheckAsync(Healthy, access, Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.CertificateExpired, health.Status);
        Assert.Equal("ClusterClientCertificateExpired", health.ErrorId);
        Assert.InRange(health.CertificateDaysLeft!.Value, -11, -10);
        Assert.Contains("expired on", health.Message);
        Assert.Null(health.IdentityMatches);
    }

    [Fact]
    public async Task AClosedPortIsUnreachable()
    {
        await Faulty.Faults.ClosePortAsync();

        var health = await CheckAsync(Faulty, StandInAccess.ViewerToken(Faulty), Faulty.Uid);

        Assert.Equal(ClusterHealthStatus.Unreachable, health.Status);
        Assert.Equal("ClusterConnectionRefused", health.ErrorId);
        Assert.Null(health.Version);
    }

    [Fact]
    public async Task AnUntrustedServerCertificateIsReported()
    {
        Faulty.Faults.ServerCertificate = ServerCertificateFault.Expired;

        var health = await CheckAsync(Faulty, StandInAccess.ViewerToken(Faulty), Faulty.Uid);

        Assert.Equal(ClusterHealthStatus.UntrustedServer, health.Status);
        Assert.Equal("ClusterServerCertificateExpired", health.ErrorId);
    }

    [Fact]
    public async Task ARejectedCredentialIsUnauthorized()
    {
        var health = await CheckAsync(Healthy, StandInAccess.Token(Healthy, "revoked-long-ago"), Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.Unauthorized, health.Status);
        Assert.Equal("ClusterUnauthorized", health.ErrorId);
    }

    [Fact]
    public async Task ACredentialThatMayNotReadKubeSystemIsForbiddenButShowsTheVersion()
    {
        var health = await CheckAsync(Healthy, StandInAccess.ScopedToken(Healthy), Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.Forbidden, health.Status);
        Assert.Equal(Healthy.Version, health.Version?.GitVersion);
        Assert.Null(health.IdentityMatches);
    }

    [Fact]
    public async Task AFailingPluginIsReported()
    {
        var plugin = fixture.InstallExecPlugin(new ExecPluginOptions { FailWithExitCode = 255, Stderr = "The SSO session has expired." });

        var health = await CheckAsync(Healthy, StandInAccess.ExecV1Beta1(Healthy, plugin), Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.CredentialPluginFailed, health.Status);
        Assert.Contains("The SSO session has expired.", health.Message);
    }

    [Fact]
    public async Task AServerThatFailsIsAServerError()
    {
        Faulty.Faults.FailAllRequests("etcdserver: request timed out");

        var health = await CheckAsync(Faulty, StandInAccess.ViewerToken(Faulty), Faulty.Uid);

        Assert.Equal(ClusterHealthStatus.ServerError, health.Status);
        Assert.Contains("etcdserver: request timed out", health.Message);
    }

    [Fact]
    public async Task AClusterWithoutACredentialSaysSo()
    {
        var health = await new ClusterVerifier(_pool).CheckHealthAsync("shared", null, Healthy.Uid);

        Assert.Equal(ClusterHealthStatus.NoCredential, health.Status);
        Assert.Contains("no credential", health.Message);
    }

    private Task<ClusterHealth> CheckAsync(StandInCluster cluster, ClusterAccess access, string registeredUid) =>
        new ClusterVerifier(_pool).CheckHealthAsync(cluster.Name, access, registeredUid);
}
