using System.Text;
using System.Text.Json;

namespace KubeFleet.StandIn.Tests.Auth;

public sealed class AccessReviewTests(AuthFleet fleet) : IClassFixture<AuthFleet>
{
    private const string ProtobufType = "application/vnd.kubernetes.protobuf";

    /// <summary>
    /// The 117 bytes kubectl 1.32 posts for <c>kubectl auth can-i list pods -n x</c>, recorded from
    /// the real client (reference §7.4): every string field written, even when empty.
    /// </summary>
    private static byte[] KubectlCanIListPodsInX() => Concat(
        [0x6b, 0x38, 0x73, 0x00],
        [0x0a, 0x32, 0x0a, 0x17], Ascii("authorization.k8s.io/v1"), [0x12, 0x17], Ascii("SelfSubjectAccessReview"),
        [0x12, 0x37],
        [0x0a, 0x10, 0x0a, 0x00, 0x12, 0x00, 0x1a, 0x00, 0x22, 0x00, 0x2a, 0x00, 0x32, 0x00, 0x38, 0x00, 0x42, 0x00],
        [0x12, 0x19, 0x0a, 0x17, 0x0a, 0x01], Ascii("x"), [0x12, 0x04], Ascii("list"), [0x1a, 0x00, 0x22, 0x00, 0x2a, 0x04], Ascii("pods"), [0x32, 0x00, 0x3a, 0x00],
        [0x1a, 0x08, 0x08, 0x00, 0x12, 0x00, 0x1a, 0x00, 0x20, 0x00],
        [0x1a, 0x00, 0x22, 0x00]);

    [Fact]
    public async Task ProtobufAccessReviewFromKubectlIsAnsweredFromTheRules()
    {
        using var scoped = ClusterClients.For(fleet.Open, token: fleet.Open.Users.Scoped.Token);
        using var admin = ClusterClients.For(fleet.Open, clientCertificate: fleet.Open.Users.Admin.ClientCertificate!.Certificate);

        Assert.Equal(117, KubectlCanIListPodsInX().Length);

        using var denied = await Reviews.PostBytesAsync(scoped, Reviews.AccessReviews, KubectlCanIListPodsInX(), ProtobufType);
        using var allowed = await Reviews.PostBytesAsync(admin, Reviews.AccessReviews, KubectlCanIListPodsInX(), ProtobufType);

        Assert.Equal(201, (int)denied.StatusCode);
        Assert.Equal(
            """{"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{"creationTimestamp":null},"spec":{"resourceAttributes":{"namespace":"x","verb":"list","resource":"pods"}},"status":{"allowed":false}}""" + "\n",
            await denied.Content.ReadAsStringAsync());
        var status = (await Reviews.ReadJsonAsync(allowed)).GetProperty("status");
        Assert.True(status.GetProperty("allowed").GetBoolean());
        Assert.Equal("RBAC: allowed by ClusterRoleBinding \"cluster-admin\" of ClusterRole \"cluster-admin\" to Group \"system:masters\"", status.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("scoped", "shop", "pods", "", true)]
    [InlineData("scoped", "shop", "deployments", "apps", true)]
    [InlineData("scoped", "default", "pods", "", false)]
    [InlineData("scoped", "", "pods", "", false)]
    [InlineData("viewer", "kube-system", "pods", "", true)]
    [InlineData("viewer", "", "nodes", "", true)]
    [InlineData("viewer", "shop", "secrets", "", false)]
    public async Task JsonAccessReviewAgreesWithTheUsersRules(string user, string @namespace, string resource, string group, bool expected)
    {
        using var client = ClusterClients.For(fleet.Open, token: fleet.Open.Users[user].Token);
        var body = JsonSerializer.Serialize(new
        {
            kind = "SelfSubjectAccessReview",
            apiVersion = "authorization.k8s.io/v1",
            spec = new { resourceAttributes = new { @namespace, verb = "list", group, resource } },
        });

        using var response = await Reviews.PostJsonAsync(client, Reviews.AccessReviews, body);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(expected, (await Reviews.ReadJsonAsync(response)).GetProperty("status").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task NonResourceAccessReviewAnswersForPaths()
    {
        using var viewer = ClusterClients.For(fleet.Open, token: fleet.Open.Users.Viewer.Token);

        using var healthz = await Reviews.PostJsonAsync(viewer, Reviews.AccessReviews, """{"spec":{"nonResourceAttributes":{"path":"/healthz","verb":"get"}}}""");
        using var metrics = await Reviews.PostJsonAsync(viewer, Reviews.AccessReviews, """{"spec":{"nonResourceAttributes":{"path":"/metrics","verb":"get"}}}""");

        Assert.True((await Reviews.ReadJsonAsync(healthz)).GetProperty("status").GetProperty("allowed").GetBoolean());
        Assert.False((await Reviews.ReadJsonAsync(metrics)).GetProperty("status").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task AccessReviewWithoutAttributesIsInvalid()
    {
        using var viewer = ClusterClients.For(fleet.Open, token: fleet.Open.Users.Viewer.Token);

        using var response = await Reviews.PostJsonAsync(viewer, Reviews.AccessReviews, """{"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","spec":{}}""");

        Assert.Equal(422, (int)response.StatusCode);
        var status = await Reviews.ReadJsonAsync(response);
        Assert.Equal("Invalid", status.GetProperty("reason").GetString());
        Assert.Equal(
            "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
            status.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("text/plain", "not json", 415, "UnsupportedMediaType")]
    [InlineData("application/json", "{not json", 400, "BadRequest")]
    [InlineData("application/json", """{"apiVersion":"authorization.k8s.io/v1beta1","spec":{}}""", 400, "BadRequest")]
    [InlineData(ProtobufType, "k8s", 400, "BadRequest")]
    public async Task UndecodableBodiesGetAStatusThatSaysWhy(string contentType, string body, int code, string reason)
    {
        using var viewer = ClusterClients.For(fleet.Open, token: fleet.Open.Users.Viewer.Token);

        using var response = await Reviews.PostBytesAsync(viewer, Reviews.AccessReviews, Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(code, (int)response.StatusCode);
        var status = await Reviews.ReadJsonAsync(response);
        Assert.Equal(reason, status.GetProperty("reason").GetString());
        Assert.Equal(code, status.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task RulesReviewListsTheRulesThatApplyInTheNamespace()
    {
        using var scoped = ClusterClients.For(fleet.Open, token: fleet.Open.Users.Scoped.Token);

        var inShop = await RulesAsync(scoped, "shop");
        var inDefault = await RulesAsync(scoped, "default");

        Assert.Contains(inShop.GetProperty("resourceRules").EnumerateArray(), r => r.ToString() == """{"verbs":["get","list","watch"],"apiGroups":["*"],"resources":["*"]}""");
        Assert.DoesNotContain(inDefault.GetProperty("resourceRules").EnumerateArray(), r => r.GetProperty("verbs")[0].GetString() == "get");
        Assert.Contains(inDefault.GetProperty("nonResourceRules").EnumerateArray(), r => r.GetProperty("nonResourceURLs").EnumerateArray().Any(u => u.GetString() == "/apis/*"));
        Assert.False(inShop.GetProperty("incomplete").GetBoolean());
    }

    [Fact]
    public async Task RulesReviewNeedsANamespace()
    {
        using var scoped = ClusterClients.For(fleet.Open, token: fleet.Open.Users.Scoped.Token);

        using var response = await Reviews.PostJsonAsync(scoped, Reviews.RulesReviews, """{"spec":{}}""");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("no namespace on request", (await Reviews.ReadJsonAsync(response)).GetProperty("message").GetString());
    }

    private static async Task<JsonElement> RulesAsync(HttpClient client, string @namespace)
    {
        using var response = await Reviews.PostJsonAsync(client, Reviews.RulesReviews, JsonSerializer.Serialize(new { kind = "SelfSubjectRulesReview", apiVersion = "authorization.k8s.io/v1", spec = new { @namespace } }));
        Assert.Equal(201, (int)response.StatusCode);
        return (await Reviews.ReadJsonAsync(response)).GetProperty("status");
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
