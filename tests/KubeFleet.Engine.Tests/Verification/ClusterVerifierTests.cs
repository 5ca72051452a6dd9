using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry.Verification;
using KubeFleet.Engine.Tests.Connections;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Verification;

[Collection(StandInFleetCollection.Name)]
public sealed class ClusterVerifierTests(StandInFleetFixture fixture) : IAsyncLifetime
{
    private readonly ClusterConnectionPool _pool = new();

    private StandInCluster Healthy => fixture.Healthy;

    private StandInCluster Faulty => fixture.Faulty;

    private ClusterVerifier Verifier => new(_pool);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _pool.Dispose();
        await Faulty.Faults.ClearAsync();
    }

    public static TheoryData<string, string, string> AuthKinds => new()
    {
        { "client certificate", "ClientCertificate", "admin" },
        { "token", "Token", "viewer" },
        { "exec v1", "Exec", "exec-admin" },
        { "exec v1beta1", "Exec", "exec-admin" },
        { "EKS kubeconfig with aws on PATH", "Exec", "exec-admin" },
    };

    [Theory]
    [MemberData(nameof(AuthKinds))]
    public async Task VerifiesEachKindOfCredential(string kind, string authKind, string user)
    {
        var verification = await Verifier.VerifyAsync(Healthy.Name, Access(kind));

        Assert.Equal(Healthy.Uid, verification.ClusterUid);
        Assert.Equal(Healthy.Version, verification.Version.GitVersion);
        Assert.Equal(authKind, verification.AuthKind);
        Assert.Equal(user, verification.User);
        Assert.Contains("system:authenticated", verification.Groups);
        Assert.True(verification.Latency > TimeSpan.Zero);
    }

    [Fact]
    public async Task NamesTheCommandAnEksCredentialRuns()
    {
        var verification = await Verifier.VerifyAsync(Healthy.Name, StandInAccess.Eks(Healthy));

        Assert.Equal("aws", verification.ExecCommand);
    }

    [Fact]
    public async Task AnAdministratorMayListEverywhereAndWrite()
    {
        var verification = await Verifier.VerifyAsync(Healthy.Name, StandInAccess.AdminCertificate(Healthy));

        Assert.Equal(new DateTimeOffset(Healthy.Users.Admin.ClientCertificate!.Certificate.NotAfter.ToUniversalTime()), verification.ClientCertificateNotAfter);
        Assert.True(verification.Permissions.CanListAcrossNamespaces);
        Assert.False(verification.Permissions.ReadOnly);
        Assert.Contains("use every verb on every resource", verification.Permissions.ReadOnlyBasis);
    }

    [Fact]
    public async Task AViewerIsReadOnlyInEveryNamespace()
    {
        var verification = await Verifier.VerifyAsync(Healthy.Name, StandInAccess.ViewerToken(Healthy));

        Assert.True(verification.Permissions.CanListAcrossNamespaces);
        Assert.True(verification.Permissions.ReadOnly);
        Assert.Contains("no write permission cluster-wide or in any of the", verification.Permissions.ReadOnlyBasis);
        Assert.Null(verification.ClientCertificateNotAfter);
    }

    [Fact]
    public async Task ACredentialThatCannotReadKubeSystemIsForbiddenWithTheServersReason()
    {
        var error = await FailAsync(Healthy, StandInAccess.ScopedToken(Healthy));

        Assert.Equal("ClusterForbidden", error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("kube-system namespace, whose UID identifies the cluster", error.Message);
        Assert.Contains("namespaces \"kube-system\" is forbidden: User \"scoped\" cannot get resource \"namespaces\"", error.Message);
    }

    [Fact]
    public async Task AnUnknownTokenIsUnauthorized()
    {
        var error = await FailAsync(Healthy, StandInAccess.Token(Healthy, "not-a-token-of-this-cluster"));

        Assert.Equal("ClusterUnauthorized", error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("GET /version", error.Message);
        Assert.DoesNotContain("not-a-token-of-this-cluster", error.ToString());
    }

    [Fact]
    public async Task AnUnresolvableHostIsADnsFailure()
    {
        var access = StandInAccess.ViewerToken(Healthy) with { Server = new Uri("https://kubefleet-no-such-cluster.invalid:6443") };

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => Verifier.VerifyAsync("gone", access));

        Assert.Equal("ClusterDnsFailed", error.ErrorId);
        Assert.Contains("'kubefleet-no-such-cluster.invalid' of cluster 'gone' could not be resolved", error.Message);
    }

    [Fact]
    public async Task AClosedPortIsConnectionRefused()
    {
        await Faulty.Faults.ClosePortAsync();

        var error = await FailAsync(Faulty, StandInAccess.ViewerToken(Faulty));

        Assert.Equal("ClusterConnectionRefused", error.ErrorId);
        Assert.Contains("connection refused", error.Message);
    }

    [Fact]
    public async Task ASlowServerTimesOut()
    {
        Faulty.Faults.Latency = TimeSpan.FromSeconds(5);
        using var impatient = new ClusterConnectionPool(new ClusterConnectionOptions { RequestTimeout = TimeSpan.FromSeconds(2) });

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => new ClusterVerifier(impatient).VerifyAsync(Faulty.Name, StandInAccess.ViewerToken(Faulty)));

        Assert.Equal("ClusterTimeout", error.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.Contains("no response within 2 s", error.Message);
    }

    [Fact]
    public async Task AnotherClustersCaIsNotTrusted()
    {
        var access = StandInAccess.ViewerToken(Healthy) with { CertificateAuthorityPem = Faulty.CertificateAuthorityPem };

        var error = await FailAsync(Healthy, access);

        Assert.Equal("ClusterCertificateUntrusted", error.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, error.Kind);
        Assert.Contains("not trusted by the cluster's registered CA", error.Message);
    }

    [Fact]
    public async Task ATlsServerNameTheCertificateDoesNotCarryIsAHostnameMismatch()
    {
        var access = StandInAccess.ViewerToken(Healthy) with { TlsServerName = "wrong-name.test" };

        var error = await FailAsync(Healthy, access);

        Assert.Equal("ClusterHostnameMismatch", error.ErrorId);
        Assert.Contains("127.0.0.1", error.Message);
        Assert.Contains("not wrong-name.test", error.Message);
    }

    [Theory]
    [InlineData(ServerCertificateFault.Expired, "ClusterServerCertificateExpired", "expired on")]
    [InlineData(ServerCertificateFault.NotYetValid, "ClusterServerCertificateNotYetValid", "is not valid before")]
    public async Task AServerCertificateOutOfDateIsRefusedWithItsDate(ServerCertificateFault fault, string errorId, string expected)
    {
        Faulty.Faults.ServerCertificate = fault;

        var error = await FailAsync(Faulty, StandInAccess.ViewerToken(Faulty));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task AnExpiredClientCertificateIsRefusedBeforeConnecting()
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(-2);
        await Faulty.Faults.ClosePortAsync();

        var error = await FailAsync(Faulty, ClientCertificate(Faulty, expiry.AddYears(-1), expiry));

        Assert.Equal("ClusterClientCertificateExpired", error.ErrorId);
        Assert.Contains($"expired on {ClientCertificateDate(expiry)}", error.Message);
    }

    [Fact]
    public async Task AClientCertificateNotYetValidIsRefusedBeforeConnecting()
    {
        var start = DateTimeOffset.UtcNow.AddDays(2);
        await Faulty.Faults.ClosePortAsync();

        var error = await FailAsync(Faulty, ClientCertificate(Faulty, start, start.AddYears(1)));

        Assert.Equal("ClusterClientCertificateNotYetValid", error.ErrorId);
        Assert.Contains($"is not valid before {ClientCertificateDate(start)}", error.Message);
    }

    [Fact]
    public async Task AMissingExecPluginSaysSoWithItsInstallHint()
    {
        var access = StandInAccess.Eks(Healthy) with
        {
            Credential = new ExecCredential(new ExecConfig
            {
                ApiVersion = "client.authentication.k8s.io/v1beta1",
                Command = "kubefleet-missing-credential-plugin",
                InstallHint = "Install the plugin from https://example.test/plugin.",
            }),
        };

        var error = await FailAsync(Healthy, access);

        Assert.Equal("ExecPluginNotFound", error.ErrorId);
        Assert.Contains("exec: executable kubefleet-missing-credential-plugin not found", error.Message);
        Assert.Contains("Install the plugin from https://example.test/plugin.", error.Message);
    }

    [Fact]
    public async Task AFailingExecPluginReportsItsExitCodeAndStderr()
    {
        var plugin = fixture.InstallExecPlugin(new ExecPluginOptions { FailWithExitCode = 3, Stderr = "Unable to locate credentials. You can configure credentials by running \"aws configure\"." });

        var error = await FailAsync(Healthy, StandInAccess.ExecV1Beta1(Healthy, plugin));

        Assert.Equal("ExecPluginFailed", error.ErrorId);
        Assert.Contains("failed with exit code 3", error.Message);
        Assert.Contains("Unable to locate credentials", error.Message);
    }

    private ClusterAccess Access(string kind) => kind switch
    {
        "client certificate" => StandInAccess.AdminCertificate(Healthy),
        "token" => StandInAccess.ViewerToken(Healthy),
        "exec v1" => StandInAccess.ExecV1(Healthy, fixture.ExecPlugin),
        "exec v1beta1" => StandInAccess.ExecV1Beta1(Healthy, fixture.ExecPlugin),
        _ => StandInAccess.Eks(Healthy),
    };

    private async Task<KubeFleetException> FailAsync(StandInCluster cluster, ClusterAccess access)
    {
        var error = await Assert.ThrowsAnyAsync<KubeFleetException>(() => Verifier.VerifyAsync(cluster.Name, access));
        Assert.Equal(cluster.Name, error.Target);
        Assert.Contains($"'{cluster.Name}'", error.Message);
        return error;
    }

    private static ClusterAccess ClientCertificate(StandInCluster cluster, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var certificate = cluster.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], notBefore, notAfter);
        return StandInAccess.AdminCertificate(cluster) with { Credential = new ClientCertificateCredential(certificate.CertificatePem, certificate.PrivateKeyPem) };
    }

    // Certificates keep whole seconds.
    private static string ClientCertificateDate(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
