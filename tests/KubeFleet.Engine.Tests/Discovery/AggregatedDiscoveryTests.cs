using System.Text.Json;
using KubeFleet.Engine.Discovery;

namespace KubeFleet.Engine.Tests.Discovery;

/// <summary>client-go's rules for aggregated discovery documents.</summary>
public sealed class AggregatedDiscoveryTests
{
    [Theory]
    [InlineData("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", true)]
    [InlineData("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", true)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void RecognisesAnAggregatedAnswerByItsContentType(string? contentType, bool aggregated) =>
        Assert.Equal(aggregated, AggregatedDiscovery.Describes(contentType));

    [Fact]
    public void LeavesOutStaleVersionsAndResourcesWithoutAKindAndPrefersTheFirstFreshVersion()
    {
        using var document = JsonDocument.Parse("""
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
              {"metadata":{"name":"metrics.k8s.io"},"versions":[
                {"version":"v1","freshness":"Stale","resources":[{"resource":"pods","responseKind":{"kind":"PodMetrics"},"scope":"Namespaced","verbs":["list"]}]},
                {"version":"v1beta1","freshness":"Current","resources":[
                  {"resource":"pods","responseKind":{"group":"metrics.k8s.io","version":"v1beta1","kind":"PodMetrics"},"scope":"Namespaced","singularResource":"","verbs":["get","list"]},
                  {"resource":"nodes","responseKind":{},"scope":"Cluster","verbs":["list"]},
                  {"resource":"widgets","responseKind":{"kind":"Widget"},"scope":"Galactic","verbs":["list"]}]}]}]}
            """);
        var unavailable = new List<string>();

        var group = Assert.Single(AggregatedDiscovery.Parse(document.RootElement, unavailable));

        Assert.Equal(["metrics.k8s.io/v1 (stale)"], unavailable);
        Assert.Equal("v1beta1", group.PreferredVersion);
        var resource = Assert.Single(Assert.Single(group.Versions).Resources);
        Assert.Equal(("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true), (resource.Group, resource.Version, resource.Resource, resource.Kind, resource.Namespaced));
    }
}
