using System.Text.Json;

namespace KubeFleet.StandIn.Tests.Api;

[Collection(ApiFleetCollection.Name)]
public sealed class DiscoveryTests(ApiFleet fleet)
{
    /// <summary>What client-go 1.30+ sends for <c>/api</c> and <c>/apis</c>.</summary>
    private const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    /// <summary>What client-go 1.27–1.29 send.</summary>
    private const string Beta1Accept = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    [Theory]
    [InlineData(AggregatedAccept, "v2")]
    [InlineData(Beta1Accept, "v2beta1")]
    public async Task AggregatedDiscoveryAnswersInTheVersionAskedFor(string accept, string version)
    {
        using var response = await fleet.Admin.SendAsync("/api", accept);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("application/json", contentType.MediaType);
        Assert.Equal(
            new Dictionary<string, string?> { ["g"] = "apidiscovery.k8s.io", ["v"] = version, ["as"] = "APIGroupDiscoveryList" },
            contentType.Parameters.ToDictionary(p => p.Name, p => p.Value));
        Assert.Equal("apidiscovery.k8s.io/" + version, body.GetProperty("apiVersion").GetString());
        var pods = body.GetProperty("items")[0].GetProperty("versions")[0].GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "pods");
        Assert.Equal("""{"group":"","version":"v1","kind":"Pod"}""", pods.GetProperty("responseKind").GetRawText());
        Assert.Equal("Namespaced", pods.GetProperty("scope").GetString());
        Assert.Equal(["po"], pods.GetProperty("shortNames").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ClientsThatDoNotAskForAggregationGetTheLegacyDocuments()
    {
        var versions = await fleet.Admin.GetJsonAsync("/api", accept: "application/json, */*");
        var groups = await fleet.Admin.GetJsonAsync("/apis", accept: "application/json, */*");

        Assert.Equal("APIVersions", versions.GetProperty("kind").GetString());
        Assert.Equal(["v1"], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("APIGroupList", groups.GetProperty("kind").GetString());
        var autoscaling = groups.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "autoscaling");
        Assert.Equal("autoscaling/v2", autoscaling.GetProperty("preferredVersion").GetProperty("groupVersion").GetString());
    }

    [Fact]
    public async Task EveryAggregatedResourceHasAResponseKindAndAScope()
    {
        using var response = await fleet.Admin.SendAsync("/apis", AggregatedAccept);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        var resources = body.GetProperty("items").EnumerateArray()
            .SelectMany(g => g.GetProperty("versions").EnumerateArray())
            .SelectMany(v => v.GetProperty("resources").EnumerateArray())
            .ToArray();

        Assert.NotEmpty(resources);
        Assert.All(resources, r =>
        {
            Assert.NotEmpty(r.GetProperty("responseKind").GetProperty("kind").GetString()!);
            Assert.Contains(r.GetProperty("scope").GetString(), new[] { "Namespaced", "Cluster" });
        });
    }

    [Fact]
    public async Task TheCustomGroupIsAdvertisedOnlyWhereItIsInstalled()
    {
        using var other = ApiClient.AsAdmin(fleet.WithoutCustomResources);

        var with = await fleet.Admin.GetJsonAsync("/apis", accept: "application/json");
        var without = await other.GetJsonAsync("/apis", accept: "application/json");

        Assert.Contains("cert-manager.io", GroupNames(with));
        Assert.DoesNotContain("cert-manager.io", GroupNames(without));
    }

    [Fact]
    public async Task GroupVersionsListTheirResourcesAndSubresources()
    {
        var apps = await fleet.Admin.GetJsonAsync("/apis/apps/v1");
        var core = await fleet.Admin.GetJsonAsync("/api/v1");
        var group = await fleet.Admin.GetJsonAsync("/apis/apps");

        Assert.Equal("APIResourceList", apps.GetProperty("kind").GetString());
        Assert.Equal("apps/v1", apps.GetProperty("groupVersion").GetString());
        var names = apps.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray();
        Assert.Contains("deployments", names);
        Assert.Contains("deployments/scale", names);
        Assert.Contains("deployments/status", names);
        var scale = apps.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "deployments/scale");
        Assert.Equal("autoscaling", scale.GetProperty("group").GetString());
        Assert.Contains("pods/status", core.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("APIGroup", group.GetProperty("kind").GetString());
        Assert.Equal("apps/v1", group.GetProperty("preferredVersion").GetProperty("groupVersion").GetString());
    }

    private static IEnumerable<string?> GroupNames(JsonElement groupList) =>
        groupList.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString());
}
