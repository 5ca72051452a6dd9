using System.Text;
using System.Text.Json;
using KubeFleet.StandIn.Data;

namespace KubeFleet.StandIn.Tests.Data;

/// <summary>Objects are encoded once, the way the API server encodes them.</summary>
public sealed class EncodingTests
{
    [Fact]
    public void TypedListItemsCarryNoKindOrApiVersion()
    {
        var cluster = SampleClusters.Large;
        foreach (var type in cluster.Catalog.Where(t => !t.IsCustom))
        {
            Assert.All(cluster.ReadObjects(type.Group, type.Resource), item =>
            {
                Assert.False(item.TryGetProperty("kind", out _));
                Assert.Equal("metadata", item.EnumerateObject().First().Name);
            });
        }
    }

    [Fact]
    public void CustomResourcesAreUnstructuredWithSortedKeys()
    {
        var certificates = SampleClusters.Large.ReadObjects("cert-manager.io", "certificates");

        Assert.All(certificates, certificate =>
        {
            Assert.Equal("Certificate", certificate.GetProperty("kind").GetString());
            Assert.Equal("cert-manager.io/v1", certificate.GetProperty("apiVersion").GetString());
            AssertKeysSorted(certificate);
        });
    }

    [Fact]
    public void ObjectsAreStoredInEtcdKeyOrder()
    {
        foreach (var resource in new[] { "pods", "services", "configmaps", "events" })
        {
            var keys = SampleClusters.Large.ReadObjects("", resource).Select(o => SampleClusters.Namespace(o) + "/" + SampleClusters.Name(o)).ToArray();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        }
    }

    [Fact]
    public void EncodingIsCompactWithSortedMaps()
    {
        var cluster = SampleClusters.Large;
        var pods = cluster.Store(cluster.Catalog.Find("", "v1", "pods")!).All.ToArray();

        Assert.All(pods, pod =>
        {
            var text = Encoding.UTF8.GetString(pod.Item.Span);
            Assert.DoesNotContain("\n", text);
            Assert.DoesNotContain("\": ", text);
            using var document = JsonDocument.Parse(pod.Item);
            var labels = document.RootElement.GetProperty("metadata").GetProperty("labels").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(labels.Order(StringComparer.Ordinal), labels);
        });
    }

    [Fact]
    public void CompactingAdvancesTheRevisionPastEveryEarlierOne()
    {
        var cluster = ClusterData.Generate(new ClusterSpec("compacted") { Pods = 40 });
        var before = cluster.Revisions;

        cluster.Compact();

        Assert.Equal(before.Current + 1, cluster.Revisions.Current);
        Assert.Equal(cluster.Revisions.Current, cluster.Revisions.Compacted);
        Assert.Equal(0, before.Compacted);
    }

    private static void AssertKeysSorted(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var property in element.EnumerateObject())
            {
                AssertKeysSorted(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertKeysSorted(item);
            }
        }
    }
}
