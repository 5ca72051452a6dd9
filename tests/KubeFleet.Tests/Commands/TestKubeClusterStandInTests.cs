using System.Text;
using KubeFleet.Commands;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;

namespace KubeFleet.Tests.Commands;

/// <summary>Test-KubeCluster against stand-in clusters: a status for each way a registered cluster can be well or unwell.</summary>
[Collection(KubeClusterStandInCollection.Name)]
public sealed class TestKubeClusterStandInTests(KubeClusterStandInFleet fleet) : IAsyncLifetime
{
    private readonly KubeClusterTestBed bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await fleet.ClearFaultsAsync();
        bed.Dispose();
    }

    [Fact]
    public void A_healthy_cluster_reports_its_latency_version_identity_and_permissions()
    {
        Register("viewer", fleet.One, fleet.One.Users.Viewer);

        var result = Test("viewer");

        Assert.Equal(KubeClusterStatus.Healthy, result.Status);
        Assert.NotNull(result.Latency);
        Assert.Equal(fleet.One.Version, result.Version);
        Assert.Equal(fleet.One.Uid, result.ClusterUid);
        Assert.True(result.IdentityMatches);
        Assert.Equal("viewer", result.User);
        Assert.True(result.CanListAllNamespaces);
        Assert.True(result.ReadOnly);
        Assert.Null(result.ErrorId);
        Assert.StartsWith("Cluster 'viewer' answers as viewer", result.Message);
    }

    [Fact]
    public void An_administrator_is_not_read_only_and_its_certificate_has_days_left()
    {
        Register("admin", fleet.One, fleet.One.Users.Admin);

        var result = Test("admin");

        Assert.Equal(KubeClusterStatus.Healthy, result.Status);
        Assert.False(result.ReadOnly);
        Assert.InRange(result.CertificateDaysLeft!.Value, 360, 365);
    }

    [Fact]
    public void Every_cluster_is_checked_and_a_dead_one_delays_no_other()
    {
        Register("one", fleet.One, fleet.One.Users.Viewer);
        Register("two", fleet.Two, fleet.Two.Users.Viewer);
        Register("three", fleet.Three, fleet.Three.Users.Viewer);
        fleet.Three.Faults.Latency = TimeSpan.FromSeconds(5);

        var run = bed.Harness<TestKubeClusterCommand>().With("TimeoutSec", 2).Invoke();

        var results = run.OutputOf<KubeClusterTestResult>().ToDictionary(result => result.Name);
        Assert.Equal(KubeClusterStatus.Healthy, results["one"].Status);
        Assert.Equal(KubeClusterStatus.Healthy, results["two"].Status);
        Assert.Equal(KubeClusterStatus.Unreachable, results["three"].Status);
        Assert.Equal("ClusterTimeout", results["three"].ErrorId);
        Assert.Equal("three", run.OutputOf<KubeClusterTestResult>()[^1].Name);
    }

    [Fact]
    public void A_certificate_that_expires_within_seven_days_is_CertificateExpiring()
    {
        var now = DateTimeOffset.UtcNow;
        var expiring = fleet.One.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], now.AddDays(-30), now.AddDays(3).AddHours(1));
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "expiring").With("KubeConfig", CertificateKubeconfig(fleet.One, expiring)).Invoke();

        var result = Test("expiring");

        Assert.Contains(run.Warnings, warning => warning.Contains("The client certificate of cluster 'expiring' expires on", StringComparison.Ordinal));
        Assert.Equal(KubeClusterStatus.CertificateExpiring, result.Status);
        Assert.Equal(3, result.CertificateDaysLeft);
    }

    [Fact]
    public void An_expired_certificate_is_CertificateExpired()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = fleet.One.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], now.AddDays(-30), now.AddDays(-2));
        bed.Harness<RegisterKubeClusterCommand>().With("Name", "expired").With("KubeConfig", CertificateKubeconfig(fleet.One, expired)).WithSwitch("SkipVerification").Invoke();

        var result = Test("expired");

        Assert.Equal(KubeClusterStatus.CertificateExpired, result.Status);
        Assert.Equal("ClusterClientCertificateExpired", result.ErrorId);
        Assert.True(result.CertificateDaysLeft < 0);
    }

    [Fact]
    public void Another_cluster_at_the_registered_address_is_IdentityMismatch()
    {
        Register("moved", fleet.One, fleet.One.Users.Viewer);
        File.WriteAllText(bed.ProfilePath, bed.ProfileText.Replace(fleet.One.Uid, fleet.Two.Uid, StringComparison.Ordinal));

        var result = Test("moved");

        Assert.Equal(KubeClusterStatus.IdentityMismatch, result.Status);
        Assert.False(result.IdentityMatches);
        Assert.Equal(fleet.Two.Uid, result.RegisteredClusterUid);
        Assert.Equal(fleet.One.Uid, result.ClusterUid);
    }

    [Fact]
    public void A_revoked_token_is_Unauthorized()
    {
        var token = fleet.One.Users.IssueToken("viewer");
        bed.Harness<RegisterKubeClusterCommand>().With("Name", "revoked").With("KubeConfig", TokenKubeconfig(fleet.One, token)).Invoke();
        fleet.One.Faults.RevokeTokens();

        var result = Test("revoked");

        Assert.Equal(KubeClusterStatus.Unauthorized, result.Status);
        Assert.Equal("ClusterUnauthorized", result.ErrorId);
    }

    [Fact]
    public void A_credential_that_may_no_longer_read_kube_system_is_Forbidden()
    {
        bed.Harness<RegisterKubeClusterCommand>().With("Name", "scoped").With("KubeConfigPath", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Scoped, CredentialStyle.Embedded))
            .WithSwitch("SkipVerification").Invoke();

        Assert.Equal(KubeClusterStatus.Forbidden, Test("scoped").Status);
    }

    [Fact]
    public async Task A_cluster_that_is_down_is_Unreachable()
    {
        Register("down", fleet.Two, fleet.Two.Users.Viewer);
        await fleet.Two.Faults.ClosePortAsync();

        var result = Test("down");

        Assert.Equal(KubeClusterStatus.Unreachable, result.Status);
        Assert.Equal("ClusterConnectionRefused", result.ErrorId);
    }

    [Fact]
    public void An_expired_server_certificate_is_UntrustedServer()
    {
        Register("stale", fleet.Two, fleet.Two.Users.Viewer);
        fleet.Two.Faults.ServerCertificate = ServerCertificateFault.Expired;

        Assert.Equal(KubeClusterStatus.UntrustedServer, Test("stale").Status);
    }

    [Fact]
    public void A_failing_exec_plugin_is_CredentialPluginFailed()
    {
        var path = new KubeconfigBuilder(fleet.FailingPlugin(bed)).Add(fleet.One, fleet.One.Users.ExecAdmin, CredentialStyle.ExecV1).WriteTo(Path.Combine(bed.Directory, "failing.kubeconfig"));
        bed.Harness<RegisterKubeClusterCommand>().With("Name", "plugin").With("KubeConfigPath", path).WithSwitch("SkipVerification").Invoke();

        var result = Test("plugin");

        Assert.Equal(KubeClusterStatus.CredentialPluginFailed, result.Status);
        Assert.Equal("ExecPluginFailed", result.ErrorId);
    }

    [Fact]
    public void A_cluster_that_fails_its_reads_is_ServerError()
    {
        Register("broken", fleet.Two, fleet.Two.Users.Viewer);
        fleet.Two.Faults.FailAllRequests();

        Assert.Equal(KubeClusterStatus.ServerError, Test("broken").Status);
    }

    private void Register(string name, StandInCluster cluster, StandInUser user)
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", name)
            .With("KubeConfigPath", fleet.Kubeconfig(bed, cluster, user, CredentialStyle.Embedded, $"{name}.kubeconfig")).Invoke();
        Assert.Empty(run.Errors);
    }

    private KubeClusterTestResult Test(string name)
    {
        var run = bed.Harness<TestKubeClusterCommand>().With("Name", name).With("TimeoutSec", 10).Invoke();
        Assert.Empty(run.Errors);
        KubeClusterTestBed.AssertNoSecretIn(run, fleet.One.Users.Viewer.Token!, fleet.Two.Users.Viewer.Token!);
        return Assert.Single(run.OutputOf<KubeClusterTestResult>());
    }

    private static string TokenKubeconfig(StandInCluster cluster, string token) => Kubeconfig(cluster, $"token: {token}");

    private static string CertificateKubeconfig(StandInCluster cluster, IssuedCertificate certificate) =>
        Kubeconfig(cluster, $"client-certificate-data: {Base64(certificate.CertificatePem)}\n    client-key-data: {Base64(certificate.PrivateKeyPem)}");

    private static string Kubeconfig(StandInCluster cluster, string user) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {cluster.Server.ToString().TrimEnd('/')}
            certificate-authority-data: {Base64(cluster.CertificateAuthorityPem)}
        users:
        - name: u
          user:
            {user}
        contexts:
        - name: ctx
          context: {"{"}cluster: c, user: u{"}"}
        current-context: ctx
        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
