using System.Text;
using System.Text.Json;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search.Query;

/// <summary>What a field selector the server cannot apply compares for a path of an object.</summary>
public sealed class JsonPathScalarTests
{
    private const string Deployment = """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "name": "web",
            "annotations": { "note": "braces } and ] and \"quotes\" \\ in a string", "empty": "" },
            "managedFields": [ { "manager": "kubectl", "fieldsV1": { "f:spec": { "f:replicas": {} } } } ]
          },
          "spec": {
            "replicas": 3,
            "minReadySeconds": -1.5e2,
            "paused": false,
            "progressDeadlineSeconds": null,
            "strategy": { "type": "Re\u0063reate", "rollingUpdate": { "maxSurge": "25%" } },
            "template": { "spec": { "containers": [ { "name": "web", "image": "nginx:1.27" } ], "hostNetwork": true } }
          },
          "status": { "conditions": [ { "type": "Available" } ] }
        }
        """;

    [Theory]
    [InlineData("metadata.name", "web")]
    [InlineData("metadata.annotations.note", "braces } and ] and \"quotes\" \\ in a string")]
    [InlineData("metadata.annotations.empty", "")]
    [InlineData("spec.replicas", "3")]
    [InlineData("spec.minReadySeconds", "-1.5e2")]
    [InlineData("spec.paused", "false")]
    [InlineData("spec.template.spec.hostNetwork", "true")]
    [InlineData("spec.strategy.type", "Recreate")]
    [InlineData("spec.strategy.rollingUpdate.maxSurge", "25%")]
    public void ReadsTheValueAtAPathOfMembers(string path, string expected)
    {
        Assert.Equal(expected, JsonPath.Scalar(Bytes(Deployment), path));
    }

    [Theory]
    [InlineData("metadata.namespace")]
    [InlineData("spec.progressDeadlineSeconds")]
    [InlineData("spec.strategy")]
    [InlineData("spec.template.spec.containers")]
    [InlineData("spec.template.spec.containers.0.name")]
    [InlineData("spec.template.spec.containers.name")]
    [InlineData("spec.replicas.value")]
    [InlineData("status.conditions.type")]
    [InlineData("metadata.managedFields.manager")]
    [InlineData("Metadata.name")]
    public void IsNullWhereThePathFindsNoScalar(string path)
    {
        Assert.Null(JsonPath.Scalar(Bytes(Deployment), path));
    }

    [Fact]
    public void AgreesWithTheParsedObjectOnEveryPathItHas()
    {
        var json = Bytes(Deployment);
        using var document = JsonDocument.Parse(json);
        foreach (var (path, element) in Paths(document.RootElement, ""))
        {
            Assert.Equal(Expected(element), JsonPath.Scalar(json, path));
        }
    }

    private static IEnumerable<(string Path, JsonElement Element)> Paths(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var member in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? member.Name : $"{prefix}.{member.Name}";
            yield return (path, member.Value);
            foreach (var inner in Paths(member.Value, path))
            {
                yield return inner;
            }
        }
    }

    private static string? Expected(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
