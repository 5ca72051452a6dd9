using System.Collections.Specialized;
using System.Text.Json;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>The object as PowerShell-friendly .NET values.</summary>
public sealed class JsonObjectGraphTests
{
    private const string Deployment = """
        {"metadata":{"name":"web","namespace":"shop","labels":{"app":"web"}},
         "spec":{"replicas":3,"paused":false,"progressDeadlineSeconds":600,
           "template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}],
             "resources":{"limits":{"cpu":0.5}},"args":[]}],"nodeSelector":null}}},
         "status":{"readyReplicas":3}}
        """;

    [Fact]
    public void MakesDictionariesArraysAndPlainValues()
    {
        var deployment = TestResources.Of("apps", "Deployment", Deployment).Object;

        Assert.Equal("Deployment", deployment["kind"]);
        Assert.Equal("apps/v1", deployment["apiVersion"]);
        var spec = Assert.IsType<OrderedDictionary>(deployment["spec"]);
        Assert.Equal(3L, spec["replicas"]);
        Assert.Equal(false, spec["paused"]);
        var containers = Assert.IsType<object[]>(((OrderedDictionary)((OrderedDictionary)spec["template"]!)["spec"]!)["containers"]);
        var container = Assert.IsType<OrderedDictionary>(Assert.Single(containers));
        Assert.Equal(0.5, ((OrderedDictionary)((OrderedDictionary)container["resources"]!)["limits"]!)["cpu"]);
        Assert.Empty(Assert.IsType<object[]>(container["args"]));
        Assert.True(((OrderedDictionary)((OrderedDictionary)spec["template"]!)["spec"]!).Contains("nodeSelector"));
        Assert.Null(((OrderedDictionary)((OrderedDictionary)spec["template"]!)["spec"]!)["nodeSelector"]);
    }

    [Fact]
    public void MatchesKeysIgnoringCaseAsPowerShellPropertiesDo()
    {
        var deployment = TestResources.Of("apps", "Deployment", Deployment).Object;

        Assert.Equal(3L, ((OrderedDictionary)deployment["SPEC"]!)["Replicas"]);
    }

    [Fact]
    public void KeepsMemberOrderSoTheJsonReadsBackTheSame()
    {
        var resource = TestResources.Of("apps", "Deployment", Deployment);

        var roundTrip = JsonSerializer.Serialize(resource.Object);

        using var expected = JsonDocument.Parse(resource.Json);
        using var actual = JsonDocument.Parse(roundTrip);
        Assert.Equal(expected.RootElement.EnumerateObject().Select(member => member.Name), actual.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.Equal(Normalise(expected.RootElement), Normalise(actual.RootElement));
    }

    [Fact]
    public void KeepsKeysThatDifferOnlyInCase()
    {
        var pod = TestResources.Of("", "Pod", """{"metadata":{"name":"p","labels":{"App":"web","app":"api","tier":"front"}}}""").Object;

        var labels = (OrderedDictionary)((OrderedDictionary)pod["metadata"]!)["labels"]!;
        Assert.Equal(3, labels.Count);
        Assert.Equal("web", labels["App"]);
        Assert.Equal("api", labels["app"]);
        Assert.False(labels.Contains("APP"));
        Assert.Same(labels, ((OrderedDictionary)pod["METADATA"]!)["Labels"]);
    }

    [Fact]
    public void IsMadeOnceAndOnlyWhenAskedFor()
    {
        var resource = TestResources.Of("apps", "Deployment", Deployment);

        Assert.Same(resource.Object, resource.Object);
    }

    private static string Normalise(JsonElement element) => JsonSerializer.Serialize(element);
}
