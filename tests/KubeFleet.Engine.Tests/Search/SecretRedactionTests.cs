using System.Text;
using System.Text.Json;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>No path out of a redacted Secret leads to a value.</summary>
public sealed class SecretRedactionTests
{
    private const string Canary = "Y2FuYXJ5LXBhc3N3b3Jk";
    private const string StringCanary = "canary-plain-text";

    private const string Secret = $$$"""
        {"metadata":{"name":"db","namespace":"shop","labels":{"app":"db"},
           "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"data\":{\"password\":\"{{{Canary}}}\"},\"kind\":\"Secret\"}","owner":"team-a"}},
         "type":"Opaque","immutable":true,
         "data":{"password":"{{{Canary}}}","user":"ZGI="},
         "stringData":{"token":"{{{StringCanary}}}"}}
        """;

    [Fact]
    public void HidesEveryValueButKeepsTheKeysAndEverythingElse()
    {
        var secret = Redacted();

        var json = Encoding.UTF8.GetString(secret.Json);
        Assert.DoesNotContain(Canary, json, StringComparison.Ordinal);
        Assert.DoesNotContain(StringCanary, json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(secret.Json);
        var root = document.RootElement;
        Assert.Equal("""{"password":"REDACTED","user":"REDACTED"}""", root.GetProperty("data").GetRawText());
        Assert.Equal("""{"token":"REDACTED"}""", root.GetProperty("stringData").GetRawText());
        Assert.Equal("Opaque", root.GetProperty("type").GetString());
        Assert.True(root.GetProperty("immutable").GetBoolean());
        Assert.Equal("team-a", root.GetProperty("metadata").GetProperty("annotations").GetProperty("owner").GetString());
    }

    [Fact]
    public void HidesTheManifestKubectlApplyLeavesBehind()
    {
        var secret = Redacted();

        Assert.Equal("REDACTED", secret.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"]);
        Assert.Equal("team-a", secret.Metadata.Annotations["owner"]);
        Assert.Equal("db", secret.Metadata.Labels["app"]);
        using var document = JsonDocument.Parse(secret.Json);
        Assert.Equal("REDACTED", document.RootElement.GetProperty("metadata").GetProperty("annotations").GetProperty("kubectl.kubernetes.io/last-applied-configuration").GetString());
    }

    [Fact]
    public void AppliesToCoreSecretsOnly()
    {
        Assert.True(SecretRedaction.AppliesTo(TestResources.Type("", "Secret")));
        Assert.False(SecretRedaction.AppliesTo(TestResources.Type("", "ConfigMap")));
        Assert.False(SecretRedaction.AppliesTo(TestResources.Type("bitnami.com", "Secret")));
    }

    private static Engine.Search.Lists.ListItem Redacted() => SecretRedaction.Redact(TestResources.Decode(TestResources.Type("", "Secret"), Secret));
}
