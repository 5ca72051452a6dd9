using System.Net;
using System.Text.Json;
using KubeFleet.StandIn.Tests.Data;

namespace KubeFleet.StandIn.Tests.Api;

[Collection(ApiFleetCollection.Name)]
public sealed class ReadTests(ApiFleet fleet)
{
    [Fact]
    public async Task ListingAcrossNamespacesReturnsEveryObjectInEtcdOrder()
    {
        var data = fleet.WithCustomResources.Data;
        var list = await fleet.Admin.GetJsonAsync("/api/v1/pods");

        Assert.Equal("PodList", list.GetProperty("kind").GetString());
        Assert.Equal("v1", list.GetProperty("apiVersion").GetString());
        Assert.Equal(data.Revisions.Current.ToString(System.Globalization.CultureInfo.InvariantCulture), list.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        var keys = list.GetProperty("items").EnumerateArray().Select(p => SampleClusters.Namespace(p) + "/" + SampleClusters.Name(p)).ToArray();
        var expected = data.ReadObjects("", "pods").Select(p => SampleClusters.Namespace(p) + "/" + SampleClusters.Name(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, keys);
        Assert.All(list.GetProperty("items").EnumerateArray(), item => Assert.False(item.TryGetProperty("kind", out _)));
    }

    [Fact]
    public async Task ListingInANamespaceReturnsOnlyItsObjects()
    {
        var expected = fleet.WithCustomResources.Data.ReadObjects("apps", "deployments").Where(d => SampleClusters.Namespace(d) == "shop").Select(SampleClusters.Name).Order(StringComparer.Ordinal).ToArray();
        var list = await fleet.Admin.GetJsonAsync("/apis/apps/v1/namespaces/shop/deployments");

        Assert.NotEmpty(expected);
        Assert.Equal("DeploymentList", list.GetProperty("kind").GetString());
        Assert.Equal("apps/v1", list.GetProperty("apiVersion").GetString());
        Assert.Equal(expected, list.GetProperty("items").EnumerateArray().Select(SampleClusters.Name));
    }

    [Fact]
    public async Task AnUnknownNamespaceListsAsEmpty()
    {
        var list = await fleet.Admin.GetJsonAsync("/api/v1/namespaces/no-such-namespace/pods");

        Assert.Equal(JsonValueKind.Array, list.GetProperty("items").ValueKind);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task GettingAnObjectReturnsItWithItsKind()
    {
        var data = fleet.WithCustomResources.Data;
        var deployment = data.ReadObjects("apps", "deployments").First(d => SampleClusters.Namespace(d) == "shop");
        var got = await fleet.Admin.GetJsonAsync($"/apis/apps/v1/namespaces/shop/deployments/{SampleClusters.Name(deployment)}");

        Assert.Equal("Deployment", got.GetProperty("kind").GetString());
        Assert.Equal("apps/v1", got.GetProperty("apiVersion").GetString());
        Assert.Equal(deployment.GetProperty("metadata").GetRawText(), got.GetProperty("metadata").GetRawText());
        Assert.Equal(deployment.GetProperty("spec").GetRawText(), got.GetProperty("spec").GetRawText());
    }

    [Fact]
    public async Task GettingClusterScopedObjectsNeedsNoNamespace()
    {
        var data = fleet.WithCustomResources.Data;
        var node = SampleClusters.Name(data.ReadObjects("", "nodes")[0]);

        var got = await fleet.Admin.GetJsonAsync($"/api/v1/nodes/{node}");
        var kubeSystem = await fleet.Admin.GetJsonAsync("/api/v1/namespaces/kube-system");

        Assert.Equal("Node", got.GetProperty("kind").GetString());
        Assert.Equal(node, SampleClusters.Name(got));
        Assert.Equal(data.KubeSystemUid, SampleClusters.Uid(kubeSystem));
    }

    [Fact]
    public async Task CustomResourcesAreServedLikeAnyOtherResource()
    {
        var certificate = fleet.WithCustomResources.Data.ReadObjects("cert-manager.io", "certificates")[0];
        var path = $"/apis/cert-manager.io/v1/namespaces/{SampleClusters.Namespace(certificate)}/certificates/{SampleClusters.Name(certificate)}";

        var got = await fleet.Admin.GetJsonAsync(path);
        var list = await fleet.Admin.GetJsonAsync("/apis/cert-manager.io/v1/certificates");

        Assert.Equal(certificate.GetRawText(), got.GetRawText());
        Assert.Equal(["apiVersion", "items", "kind", "metadata"], list.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CertificateList", list.GetProperty("kind").GetString());
        Assert.All(list.GetProperty("items").EnumerateArray(), item => Assert.Equal("Certificate", item.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task AMissingObjectIsA404Status()
    {
        var pod = await fleet.Admin.GetJsonAsync("/api/v1/namespaces/shop/pods/nope", HttpStatusCode.NotFound);
        var deployment = await fleet.Admin.GetJsonAsync("/apis/apps/v1/namespaces/shop/deployments/nope", HttpStatusCode.NotFound);

        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"nope\" not found","reason":"NotFound","details":{"name":"nope","kind":"pods"},"code":404}""",
            pod.GetRawText());
        Assert.Equal("deployments.apps \"nope\" not found", deployment.GetProperty("message").GetString());
        Assert.Equal("apps", deployment.GetProperty("details").GetProperty("group").GetString());
    }

    [Theory]
    [InlineData("/api/v1/foos")]
    [InlineData("/apis/example.com/v1/widgets")]
    [InlineData("/api/v1/namespaces/shop/nodes")]
    [InlineData("/api/v1/pods/some-pod")]
    [InlineData("/api/v1/namespaces/shop/pods/some-pod/nonsense")]
    [InlineData("/openapi/v2")]
    public async Task AnUnservedPathIsThePlain404(string path)
    {
        using var response = await fleet.Admin.SendAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACustomResourceIsUnknownWhereItIsNotInstalled()
    {
        using var admin = ApiClient.AsAdmin(fleet.WithoutCustomResources);
        using var response = await admin.SendAsync("/apis/cert-manager.io/v1/certificates");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/pods")]
    [InlineData("/api/v1/namespaces/shop/pods/nope")]
    [InlineData("/api/v1/foos")]
    [InlineData("/version")]
    public async Task EveryAnswerForbidsCaching(string path)
    {
        using var response = await fleet.Admin.SendAsync(path);

        Assert.Equal("no-cache, private", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task LargeBodiesAreGzippedOnlyWhenTheClientAcceptsIt()
    {
        using var compressed = await fleet.Admin.SendAsync("/api/v1/pods", gzip: true);
        using var plain = await fleet.Admin.SendAsync("/api/v1/pods");
        using var small = await fleet.Admin.SendAsync("/api/v1/namespaces", gzip: true);

        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(plain.Content.Headers.ContentLength > 128 * 1024);
        Assert.Empty(small.Content.Headers.ContentEncoding);
        Assert.Equal(small.Content.Headers.ContentLength, (await small.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("POST", "/api/v1/namespaces/shop/pods")]
    [InlineData("DELETE", "/api/v1/namespaces/shop/pods/some-pod")]
    [InlineData("GET", "/api/v1/namespaces/shop/pods?watch=true")]
    public async Task WritesAndWatchesAreNotAllowed(string method, string path)
    {
        using var response = await fleet.Admin.SendAsync(path, method: method);
        var status = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("MethodNotAllowed", status.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task StatusAndScaleSubresourcesAnswerForTheirObject()
    {
        var deployment = fleet.WithCustomResources.Data.ReadObjects("apps", "deployments").First(d => SampleClusters.Namespace(d) == "shop");
        var path = $"/apis/apps/v1/namespaces/shop/deployments/{SampleClusters.Name(deployment)}";

        var status = await fleet.Admin.GetJsonAsync(path + "/status");
        var scale = await fleet.Admin.GetJsonAsync(path + "/scale");

        Assert.Equal(SampleClusters.Uid(deployment), SampleClusters.Uid(status));
        Assert.Equal("Scale", scale.GetProperty("kind").GetString());
        Assert.Equal("autoscaling/v1", scale.GetProperty("apiVersion").GetString());
        Assert.Equal(deployment.GetProperty("spec").GetProperty("replicas").GetInt32(), scale.GetProperty("spec").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task VersionAndHealthAnswerLikeTheRealServer()
    {
        var version = await fleet.Admin.GetJsonAsync("/version");
        using var health = await fleet.Admin.SendAsync("/healthz");

        Assert.Equal("v1.32.5", version.GetProperty("gitVersion").GetString());
        Assert.Equal("32", version.GetProperty("minor").GetString());
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
    }
}
