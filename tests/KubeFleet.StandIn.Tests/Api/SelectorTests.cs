using System.Net;
using System.Text.Json;
using KubeFleet.StandIn.Tests.Data;

namespace KubeFleet.StandIn.Tests.Api;

[Collection(ApiFleetCollection.Name)]
public sealed class SelectorTests(ApiFleet fleet)
{
    private IReadOnlyList<JsonElement> Pods => fleet.WithCustomResources.Data.ReadObjects("", "pods");

    [Fact]
    public async Task AnEqualitySelectorReturnsExactlyTheLabelledPods()
    {
        var expected = Pods.Where(p => SampleClusters.Labels(p).GetValueOrDefault("app.kubernetes.io/component") == "frontend").Select(Key).ToArray();

        var list = await fleet.Admin.GetJsonAsync("/api/v1/pods?labelSelector=" + Uri.EscapeDataString("app.kubernetes.io/component=frontend"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Keys(list));
    }

    [Fact]
    public async Task SetBasedSelectorsCombine()
    {
        var expected = Pods.Where(p =>
        {
            var labels = SampleClusters.Labels(p);
            return labels.TryGetValue("tier", out var tier) && tier is "frontend" or "worker" && !labels.ContainsKey("controller-revision-hash");
        }).Select(Key).ToArray();

        var list = await fleet.Admin.GetJsonAsync("/api/v1/pods?labelSelector=" + Uri.EscapeDataString("tier in (frontend, worker),!controller-revision-hash"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Keys(list));
    }

    [Fact]
    public async Task AMalformedLabelSelectorIsABadRequestWithTheParserMessage()
    {
        var status = await fleet.Admin.GetJsonAsync("/api/v1/pods?labelSelector=" + Uri.EscapeDataString("app in (a b)"), HttpStatusCode.BadRequest);

        Assert.Equal("unable to parse requirement: found 'b', expected: ',' or ')'", status.GetProperty("message").GetString());
        Assert.Equal("BadRequest", status.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task FieldSelectorsFilterOnEachKindsFields()
    {
        var node = Pods.First(p => p.GetProperty("spec").TryGetProperty("nodeName", out _)).GetProperty("spec").GetProperty("nodeName").GetString()!;
        var onNode = Pods.Where(p => p.GetProperty("spec").TryGetProperty("nodeName", out var n) && n.GetString() == node).Select(Key).ToArray();
        var notRunning = Pods.Where(p => p.GetProperty("status").GetProperty("phase").GetString() != "Running").Select(Key).ToArray();

        var byNode = await fleet.Admin.GetJsonAsync($"/api/v1/pods?fieldSelector=spec.nodeName%3D{node}");
        var byPhase = await fleet.Admin.GetJsonAsync("/api/v1/pods?fieldSelector=status.phase!%3DRunning");
        var byLegacyName = await fleet.Admin.GetJsonAsync($"/api/v1/pods?fieldSelector=spec.host%3D{node}");

        Assert.Equal(onNode, Keys(byNode));
        Assert.Equal(notRunning, Keys(byPhase));
        Assert.Equal(onNode, Keys(byLegacyName));
    }

    [Fact]
    public async Task UnsupportedFieldsAreRefusedInTheKindsOwnWords()
    {
        var pods = await fleet.Admin.GetJsonAsync("/api/v1/pods?fieldSelector=foo%3Dbar", HttpStatusCode.BadRequest);
        var deployments = await fleet.Admin.GetJsonAsync("/apis/apps/v1/deployments?fieldSelector=spec.replicas%3D1", HttpStatusCode.BadRequest);

        Assert.Equal("field label not supported: foo", pods.GetProperty("message").GetString());
        Assert.Equal("\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"", deployments.GetProperty("message").GetString());
    }

    [Fact]
    public async Task NamespaceFieldsSelectNamespacesByPhase()
    {
        var active = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?fieldSelector=status.phase%3DActive");
        var byName = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?fieldSelector=metadata.name%3Dshop");

        Assert.Equal(fleet.WithCustomResources.Data.ReadObjects("", "namespaces").Count, active.GetProperty("items").GetArrayLength());
        Assert.Equal(["shop"], byName.GetProperty("items").EnumerateArray().Select(SampleClusters.Name));
    }

    private static string Key(JsonElement item) => SampleClusters.Namespace(item) + "/" + SampleClusters.Name(item);

    private static IEnumerable<string> Keys(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(Key);
}
