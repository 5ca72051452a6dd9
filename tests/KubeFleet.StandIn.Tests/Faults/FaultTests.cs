using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;
using KubeFleet.StandIn.Tests.Auth;

namespace KubeFleet.StandIn.Tests.Faults;

/// <summary>Each fault, switched on at run time, is seen by a client; switched off, it is gone.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private const string ResourceRead = "/api/v1/pods";

    private StandInFleet? fleet;

    private StandInCluster Cluster => fleet!.Clusters[0];

    public async Task InitializeAsync() => fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 30 });

    public async Task DisposeAsync() => await fleet!.DisposeAsync();

    [Fact]
    public async Task LatencyDelaysEveryRequest()
    {
        using var client = AdminClient();
        Cluster.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"The request took {watch.Elapsed}, less than the latency.");
    }

    [Fact]
    public async Task SlowBodiesAreSentNoFasterThanTheRate()
    {
        using var client = AdminClient();
        var size = (await client.GetByteArrayAsync(ResourceRead)).Length;
        Cluster.Faults.BodyBytesPerSecond = size * 2L;

        var watch = Stopwatch.StartNew();
        var body = await client.GetByteArrayAsync(ResourceRead);

        Assert.Equal(size, body.Length);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"{size} bytes at {size * 2} bytes/s took only {watch.Elapsed}.");
    }

    [Fact]
    public async Task NextServerErrorsHitResourceReadsThenStop()
    {
        using var client = AdminClient();
        Cluster.Faults.FailNextRequests(2, "boom");

        using var version = await client.GetAsync("/version");
        using var first = await client.GetAsync(ResourceRead);
        using var second = await client.GetAsync(ResourceRead);
        using var third = await client.GetAsync(ResourceRead);

        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Internal error occurred: boom","reason":"InternalError","details":{"causes":[{"message":"boom"}]},"code":500}""" + "\n",
            await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task CountsTheResourceReadsItReceivesWhateverTheAnswer()
    {
        using var client = AdminClient();
        Cluster.Faults.FailNextRequests(1);

        using var version = await client.GetAsync("/version");
        using var discovery = await client.GetAsync("/api/v1");
        using var failed = await client.GetAsync(ResourceRead);
        using var served = await client.GetAsync(ResourceRead);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(2, Cluster.ResourceReads);
    }

    [Fact]
    public async Task ServerErrorsOnEveryReadLastUntilCleared()
    {
        using var client = AdminClient();
        Cluster.Faults.FailAllRequests();

        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.GetAsync(ResourceRead);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        await Cluster.Faults.ClearAsync();
        using var served = await client.GetAsync(ResourceRead);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ThrottlingAnswersLikePriorityAndFairness()
    {
        using var client = AdminClient();
        Cluster.Faults.ThrottleNextRequests(1, retryAfterSeconds: 3);

        using var throttled = await client.GetAsync(ResourceRead);
        using var served = await client.GetAsync(ResourceRead);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("3", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal("text/plain; charset=utf-8", throttled.Content.Headers.ContentType?.ToString());
        Assert.Equal("Too many requests, please try again later.\n", await throttled.Content.ReadAsStringAsync());
        Assert.Equal("no-cache, private", throttled.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task ConnectionIsResetPartWayThroughAListBody(string httpVersion)
    {
        using var client = AdminClient();
        client.DefaultRequestVersion = Version.Parse(httpVersion);
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        Cluster.Faults.ResetBodiesAfterBytes = 1000;

        var received = new MemoryStream();
        using var response = await client.GetAsync(ResourceRead, HttpCompletionOption.ResponseHeadersRead);
        var failure = await Record.ExceptionAsync(() => response.Content.CopyToAsync(received));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(httpVersion), response.Version);
        Assert.True(failure is HttpRequestException or IOException, $"Reading the body ended with {failure?.GetType().Name ?? "no error"}.");
        Assert.InRange(received.Length, 0, 1000);
        using var version = await client.GetAsync("/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
    }

    [Fact]
    public async Task ACompressedBodyCutPartWayIsAPrefixOfTheWholeBody()
    {
        using var client = AdminClient();
        var whole = await client.GetByteArrayAsync(ResourceRead);
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        Cluster.Faults.ResetBodiesAfterBytes = 2000;

        var received = new MemoryStream();
        using var response = await client.GetAsync(ResourceRead, HttpCompletionOption.ResponseHeadersRead);
        await Record.ExceptionAsync(() => response.Content.CopyToAsync(received));
        received.Position = 0;
        var inflated = new MemoryStream();
        using var gzip = new GZipStream(received, CompressionMode.Decompress);
        var failure = await Record.ExceptionAsync(() => gzip.CopyToAsync(inflated));

        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal(2000, received.Length);
        Assert.True(failure is null or IOException, $"The received bytes are not a cut gzip stream: {failure}");
        Assert.InRange(inflated.Length, 1, whole.Length - 1);
        Assert.Equal(whole.AsSpan(0, (int)inflated.Length).ToArray(), inflated.ToArray());
    }

    [Fact]
    public async Task RevokedTokensFailWhileNewExecTokensAndCertificatesWork()
    {
        var oldExecToken = Cluster.IssueExecToken(UserNames.Scoped, TimeSpan.FromHours(1));
        Cluster.Faults.RevokeTokens();
        var newExecToken = Cluster.IssueExecToken(UserNames.Scoped, TimeSpan.FromHours(1));

        using var viewer = ClusterClients.For(Cluster, token: Cluster.Users.Viewer.Token);
        using var oldExec = ClusterClients.For(Cluster, token: oldExecToken);
        using var newExec = ClusterClients.For(Cluster, token: newExecToken);
        using var admin = AdminClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync("/version")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldExec.GetAsync("/version")).StatusCode);
        Assert.Equal("scoped", (await Reviews.WhoAmIAsync(newExec)).Name);
        Assert.Equal("admin", (await Reviews.WhoAmIAsync(admin)).Name);
    }

    [Fact]
    public async Task ScheduledRevocationLetsTokensWorkUntilItsTime()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var timed = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 30, TimeProvider = clock });
        var cluster = timed.Clusters[0];
        using var viewer = ClusterClients.For(cluster, token: cluster.Users.Viewer.Token);
        cluster.Faults.RevokeTokens(after: TimeSpan.FromMinutes(1));

        using var before = await viewer.GetAsync("/version");
        clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await viewer.GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData(ServerCertificateFault.Expired)]
    [InlineData(ServerCertificateFault.NotYetValid)]
    public async Task CertificateFaultsServeACertificateOutsideItsValidity(ServerCertificateFault fault)
    {
        Cluster.Faults.ServerCertificate = fault;

        var (status, certificate) = await HandshakeAsync();

        Assert.Contains(X509ChainStatusFlags.NotTimeValid, status);
        Assert.True(fault == ServerCertificateFault.Expired ? certificate.NotAfter < DateTime.Now : certificate.NotBefore > DateTime.Now);
        Cluster.Faults.ServerCertificate = ServerCertificateFault.None;
        Assert.Empty((await HandshakeAsync()).Status);
    }

    [Fact]
    public async Task ClosedPortRefusesConnectionsAndReopensOnTheSamePort()
    {
        var server = Cluster.Server;
        await Cluster.Faults.ClosePortAsync();

        using (var refused = AdminClient())
        {
            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => refused.GetAsync("/version"));
            Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failure.InnerException).SocketErrorCode);
            Assert.True(Cluster.Faults.IsPortClosed);
        }

        await Cluster.Faults.OpenPortAsync();
        using var client = AdminClient();
        using var response = await client.GetAsync("/version");
        Assert.Equal(server, Cluster.Server);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClearingFaultsReopensAClosedPort()
    {
        await Cluster.Faults.ClosePortAsync();

        await Cluster.Faults.ClearAsync();

        using var client = AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/version")).StatusCode);
    }

    private HttpClient AdminClient() => ClusterClients.For(Cluster, clientCertificate: Cluster.Users.Admin.ClientCertificate!.Certificate);

    /// <summary>Opens a TLS connection trusting the cluster's CA and reports what is wrong with the certificate it got.</summary>
    private async Task<(X509ChainStatusFlags[] Status, X509Certificate2 Certificate)> HandshakeAsync()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Cluster.Server.Port);
        X509ChainStatusFlags[] status = [];
        X509Certificate2? served = null;
        var authority = X509Certificate2.CreateFromPem(Cluster.CertificateAuthorityPem);
        using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            served = new X509Certificate2(certificate!);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.Build(served);
            status = chain.ChainStatus.Select(s => s.Status).ToArray();
            return true;
        });
        await tls.AuthenticateAsClientAsync("127.0.0.1");
        return (status, served!);
    }
}
