using System.Security.Cryptography;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.Tests.Auth;

public sealed class AuthenticationTests(AuthFleet fleet) : IClassFixture<AuthFleet>
{
    private const string UnauthorizedBody = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""" + "\n";

    [Fact]
    public async Task ClientCertificateSignsInAsItsCommonNameWithItsOrganizationsAsGroups()
    {
        var admin = fleet.Open.Users.Admin.ClientCertificate!;
        using var client = ClusterClients.For(fleet.Open, clientCertificate: admin.Certificate);

        var (name, groups, userInfo) = await Reviews.WhoAmIAsync(client);

        Assert.Equal("admin", name);
        Assert.Equal(["system:masters", "system:authenticated"], groups);
        var fingerprint = Convert.ToHexString(SHA256.HashData(admin.Certificate.RawData)).ToLowerInvariant();
        Assert.Equal("X509SHA256=" + fingerprint, userInfo.GetProperty("extra").GetProperty(Authenticator.CredentialIdKey)[0].GetString());
    }

    [Fact]
    public async Task AnyCertificateFromTheClusterCaSignsInWithoutBeingAKnownUser()
    {
        var now = DateTimeOffset.UtcNow;
        var alice = fleet.Open.CertificateAuthority.IssueClientCertificate("alice", ["dev", "ops"], now.AddMinutes(-5), now.AddHours(1));
        using var client = ClusterClients.For(fleet.Open, clientCertificate: alice.Certificate);

        var (name, groups, _) = await Reviews.WhoAmIAsync(client);

        Assert.Equal("alice", name);
        Assert.Equal(["dev", "ops", "system:authenticated"], groups);
    }

    [Fact]
    public async Task CertificateFromAnotherClustersCaIsUnauthorized()
    {
        using var client = ClusterClients.For(fleet.Open, clientCertificate: fleet.Closed.Users.Admin.ClientCertificate!.Certificate);

        using var response = await Reviews.PostJsonAsync(client, Reviews.SelfReviews, "{}");

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task ExpiredClientCertificateIsUnauthorized()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = fleet.Open.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], now.AddDays(-2), now.AddDays(-1));
        using var client = ClusterClients.For(fleet.Open, clientCertificate: expired.Certificate);

        using var response = await client.GetAsync("/version");

        await AssertUnauthorizedAsync(response);
    }

    [Theory]
    [InlineData("/version")]
    [InlineData("/healthz")]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/no/such/path")]
    public async Task UnknownBearerTokenIsUnauthorizedOnEveryPathEvenWhereAnonymousMayGo(string path)
    {
        using var client = ClusterClients.For(fleet.Open, token: "not-a-token-of-this-cluster");

        using var response = await client.GetAsync(path);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task TokenUsersSignInWithTheirGroupsAndUid()
    {
        var viewer = fleet.Open.Users.Viewer;
        using var client = ClusterClients.For(fleet.Open, token: viewer.Token);

        var (name, groups, userInfo) = await Reviews.WhoAmIAsync(client);

        Assert.Equal("viewer", name);
        Assert.Equal([.. viewer.Groups, "system:authenticated"], groups);
        Assert.Equal(viewer.Uid, userInfo.GetProperty("uid").GetString());
    }

    [Fact]
    public async Task BearerSchemeIsCaseInsensitive()
    {
        using var client = ClusterClients.For(fleet.Open);
        using var request = new HttpRequestMessage(HttpMethod.Post, Reviews.SelfReviews) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + fleet.Open.Users.Scoped.Token);

        using var response = await client.SendAsync(request);

        Assert.Equal("scoped", (await Reviews.ReadJsonAsync(response)).GetProperty("status").GetProperty("userInfo").GetProperty("username").GetString());
    }

    [Fact]
    public async Task TokensOfOneClusterAreUnauthorizedOnAnother()
    {
        using var client = ClusterClients.For(fleet.Closed, token: fleet.Open.Users.Viewer.Token);

        using var response = await client.GetAsync("/version");

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task ExecTokenSignsInAsTheUserItNamesOnItsClusterOnly()
    {
        var token = fleet.Open.IssueExecToken(UserNames.Viewer, TimeSpan.FromMinutes(5));
        using var own = ClusterClients.For(fleet.Open, token: token);
        using var other = ClusterClients.For(fleet.Closed, token: token);

        Assert.Equal("viewer", (await Reviews.WhoAmIAsync(own)).Name);
        using var refused = await other.GetAsync("/version");
        await AssertUnauthorizedAsync(refused);
    }

    [Fact]
    public async Task NoCredentialsIsAnonymousWhereAllowed()
    {
        using var open = ClusterClients.For(fleet.Open);

        using var version = await open.GetAsync("/version");
        using var review = await Reviews.PostJsonAsync(open, Reviews.SelfReviews, "{}");

        Assert.Equal(200, (int)version.StatusCode);
        Assert.Equal(403, (int)review.StatusCode);
        Assert.Equal(
            "selfsubjectreviews.authentication.k8s.io is forbidden: User \"system:anonymous\" cannot create resource \"selfsubjectreviews\" in API group \"authentication.k8s.io\" at the cluster scope",
            (await Reviews.ReadJsonAsync(review)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task NoCredentialsIsUnauthorizedWhereAnonymousIsOff()
    {
        using var closed = ClusterClients.For(fleet.Closed);

        using var response = await closed.GetAsync("/version");

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task IssuedTokenStopsWorkingWhenItsLifetimeEnds()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var timed = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 30, TimeProvider = clock });
        var cluster = timed.Clusters[0];
        var token = cluster.Users.IssueToken(UserNames.Viewer, TimeSpan.FromMinutes(10));
        var execToken = cluster.IssueExecToken(UserNames.Scoped, TimeSpan.FromMinutes(10));
        using var tokenClient = ClusterClients.For(cluster, token: token);
        using var execClient = ClusterClients.For(cluster, token: execToken);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("viewer", (await Reviews.WhoAmIAsync(tokenClient)).Name);
        Assert.Equal("scoped", (await Reviews.WhoAmIAsync(execClient)).Name);
        clock.Advance(TimeSpan.FromMinutes(2));

        using var expiredToken = await tokenClient.GetAsync("/version");
        using var expiredExec = await execClient.GetAsync("/version");
        await AssertUnauthorizedAsync(expiredToken);
        await AssertUnauthorizedAsync(expiredExec);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache, private", response.Headers.CacheControl?.ToString());
        Assert.Equal(UnauthorizedBody, await response.Content.ReadAsStringAsync());
    }
}
