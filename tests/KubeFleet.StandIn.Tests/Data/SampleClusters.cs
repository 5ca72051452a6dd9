using System.Text.Json;
using KubeFleet.StandIn.Data;

namespace KubeFleet.StandIn.Tests.Data;

/// <summary>
/// Clusters generated once for all data tests: one large enough to show every pod state and setting, with
/// cert-manager; one small one without it.
/// </summary>
internal static class SampleClusters
{
    private static readonly Lazy<ClusterData> LargeCluster = new(() => ClusterData.Generate(new ClusterSpec("prod-eu-1") { Seed = 11, Pods = 1500 }));

    private static readonly Lazy<ClusterData> SmallCluster = new(() => ClusterData.Generate(new ClusterSpec("dev-1") { Seed = 11, Pods = 120, ServesCertManager = false }));

    public static ClusterData Large => LargeCluster.Value;

    public static ClusterData Small => SmallCluster.Value;

    public static ClusterData[] Both => [Large, Small];

    public static string Name(JsonElement item) => item.GetProperty("metadata").GetProperty("name").GetString()!;

    public static string Namespace(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("namespace", out var ns) ? ns.GetString()! : "";

    public static string Uid(JsonElement item) => item.GetProperty("metadata").GetProperty("uid").GetString()!;

    public static IReadOnlyDictionary<string, string> Labels(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("labels", out var labels)
            ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> MatchLabels(JsonElement workload) =>
        workload.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    /// <summary>The controller owner reference of an object, if it has one.</summary>
    public static JsonElement? Controller(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("ownerReferences", out var owners)
            ? owners.EnumerateArray().Where(o => o.TryGetProperty("controller", out var c) && c.GetBoolean()).Select(o => (JsonElement?)o).FirstOrDefault()
            : null;

    /// <summary>Objects of a resource by <c>namespace/name</c>.</summary>
    public static IReadOnlyDictionary<string, JsonElement> ByKey(ClusterData cluster, string group, string resource) =>
        cluster.ReadObjects(group, resource).ToDictionary(o => Namespace(o) + "/" + Name(o));
}
