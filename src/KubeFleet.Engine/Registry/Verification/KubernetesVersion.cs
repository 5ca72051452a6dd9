using System.Text.Json;

namespace KubeFleet.Engine.Registry.Verification;

/// <summary>What a cluster's <c>/version</c> says. <see cref="GitVersion"/> is what people quote (v1.32.4, v1.30.2-eks-1552ad0).</summary>
public sealed record KubernetesVersion(string GitVersion, string Major, string Minor, string? Platform)
{
    public override string ToString() => GitVersion;

    internal static KubernetesVersion? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "gitVersion") is not { Length: > 0 } gitVersion)
        {
            return null;
        }

        return new KubernetesVersion(gitVersion, Text(root, "major") ?? "", Text(root, "minor") ?? "", Text(root, "platform"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
