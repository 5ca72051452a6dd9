using System.Net;
using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Connections;

[Collection(StandInFleetCollection.Name)]
public sealed class StandInConnectionTests(StandInFleetFixture fixture) : IAsyncLifetime
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
    public async Task SpeaksHttp2AndStreamsTheBody()
    {
        var connection = _pool.Get(Healthy.Name, StandInAccess.AdminCertificate(Healthy));

        await using var response = await connection.SendAsync(ClusterRequest.Get("/api/v1/pods"));
        using var pods = await JsonDocument.ParseAsync(response.Content);

        Assert.Equal(HttpVersion.Version20, response.HttpVersion);
        Assert.Equal("PodList", pods.RootElement.GetProperty("kind").GetString());
        Assert.NotEqual(0, pods.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ServesManyConcurrentRequestsOverOnePooledConnection()
    {
        var connection = _pool.Get(Healthy.Name, StandInAccess.ViewerToken(Healthy));

        var namespaces = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var document = await connection.GetJsonAsync("/api/v1/namespaces/kube-system");
            return document.RootElement.GetProperty("metadata").GetProperty("uid").GetString();
        }));

        Assert.All(namespaces, uid => Assert.Equal(Healthy.Uid, uid));
    }

    [Fact]
    public async Task TrustsTheCertificateUnderItsTlsServerName()
    {
        var access = StandInAccess.ViewerToken(Healthy) with { TlsServerName = StandInFleetFixture.ExtraServerName };

        using var version = await _pool.Get(Healthy.Name, access).GetJsonAsync("/version");

        Assert.Equal(Healthy.Version, version.RootElement.GetProperty("gitVersion").GetString());
    }

    [Fact]
    public async Task InsecureSkipTlsVerifyConnectsAndWarns()
    {
        var warnings = new List<ClusterWarning>();
        using var pool = new ClusterConnectionPool(new ClusterConnectionOptions { OnWarning = warning => { lock (warnings) { warnings.Add(warning); } } });
        var access = StandInAccess.ViewerToken(Healthy) with { CertificateAuthorityPem = null, InsecureSkipTlsVerify = true };

        using var version = await pool.Get(Healthy.Name, access).GetJsonAsync("/version");

        Assert.Equal(Healthy.Version, version.RootElement.GetProperty("gitVersion").GetString());
        var warning = Assert.Single(warnings);
        Assert.Equal(Healthy.Name, warning.ClusterName);
        Assert.Contains("was not verified (insecure-skip-tls-verify)", warning.Message);
    }

    [Fact]
    public async Task RetriesThrottledReadsAfterRetryAfter()
    {
        Faulty.Faults.ThrottleNextRequests(2, retryAfterSeconds: 1);
        var connection = _pool.Get(Faulty.Name, StandInAccess.AdminCertificate(Faulty));

        using var kubeSystem = await connection.GetJsonAsync("/api/v1/namespaces/kube-system");

        Assert.Equal(Faulty.Uid, kubeSystem.RootElement.GetProperty("metadata").GetProperty("uid").GetString());
    }

    [Fact]
    public async Task GivesUpOnThrottlingPastTheRetryLimit()
    {
        Faulty.Faults.ThrottleNextRequests(3, retryAfterSeconds: 1);
        using var pool = new ClusterConnectionPool(new ClusterConnectionOptions { MaxRetries = 1 });
        var connection = pool.Get(Faulty.Name, StandInAccess.AdminCertificate(Faulty));

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => connection.GetJsonAsync("/api/v1/namespaces/kube-system"));

        Assert.Equal("ClusterThrottled", error.ErrorId);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("after 1 retry", error.Message);
    }

    [Fact]
    public async Task DoesNotRetryAServerErrorWithoutRetryAfter()
    {
        Faulty.Faults.FailNextRequests(1, "etcdserver: leader changed");
        var connection = _pool.Get(Faulty.Name, StandInAccess.AdminCertificate(Faulty));

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => connection.GetJsonAsync("/api/v1/namespaces/kube-system"));
        using var next = await connection.GetJsonAsync("/api/v1/namespaces/kube-system");

        Assert.Equal("ClusterServerError", error.ErrorId);
        Assert.Equal("InternalError", error.Reason);
        Assert.Contains("etcdserver: leader changed", error.Message);
    }

    [Fact]
    public async Task AfterA401RunsTheExecPluginAgainAndRetriesTheRequestOnce()
    {
        var recordFile = fixture.NewRecordFile();
        var plugin = fixture.InstallExecPlugin(new ExecPluginOptions { RecordFile = recordFile });
        var connection = _pool.Get(Faulty.Name, StandInAccess.ExecV1(Faulty, plugin));
        using (await connection.GetJsonAsync("/api/v1/namespaces/kube-system"))
        {
        }

        Faulty.Faults.RevokeTokens();
        using var afterRevocation = await connection.GetJsonAsync("/api/v1/namespaces/kube-system");

        Assert.Equal(Faulty.Uid, afterRevocation.RootElement.GetProperty("metadata").GetProperty("uid").GetString());
        Assert.Equal(2, File.ReadAllLines(recordFile).Length);
    }

    [Fact]
    public async Task AStaticTokenThatStopsWorkingIsUnauthorized()
    {
        var connection = _pool.Get(Faulty.Name, StandInAccess.ViewerToken(Faulty));
        using (await connection.GetJsonAsync("/version"))
        {
        }

        Faulty.Faults.RevokeTokens();
        var error = await Assert.ThrowsAsync<ClusterApiException>(() => connection.GetJsonAsync("/api/v1/namespaces/kube-system"));

        Assert.Equal("ClusterUnauthorized", error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
    }

    [Fact]
    public async Task ABodyThatStopsArrivingTimesOutWhileReading()
    {
        using var pool = new ClusterConnectionPool(new ClusterConnectionOptions { ReadIdleTimeout = TimeSpan.FromMilliseconds(300) });
        var connection = pool.Get(Faulty.Name, StandInAccess.AdminCertificate(Faulty));
        Faulty.Faults.BodyBytesPerSecond = 1;

        await using var response = await connection.SendAsync(ClusterRequest.Get("/api/v1/pods"));
        var error = await Assert.ThrowsAsync<KubeFleetException>(() => response.Content.CopyToAsync(Stream.Null));

        Assert.Equal("ClusterTimeout", error.ErrorId);
        Assert.Contains("stopped arriving", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABrokenBodyIsAConnectionFailureCompressedOrNot(bool disableCompression)
    {
        var connection = _pool.Get(Faulty.Name, StandInAccess.AdminCertificate(Faulty) with { DisableCompression = disableCompression });
        Faulty.Faults.ResetBodiesAfterBytes = 1024;

        await using var response = await connection.SendAsync(ClusterRequest.Get("/api/v1/pods"));
        var error = await Assert.ThrowsAsync<KubeFleetException>(() => response.Content.CopyToAsync(Stream.Null));

        Assert.Equal("ClusterConnectionFailed", error.ErrorId);
        Assert.Contains("GET /api/v1/pods", error.Message);
    }
}
