using System.Text.Json;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>
/// What a correct search returns, worked out from the stand-in's data directly: plain reads of each
/// object's JSON, none of the engine's selectors, patterns or decoder.
/// </summary>
internal static class FleetExpectations
{
    public static HashSet<ObjectKey> Objects(IEnumerable<StandInCluster> clusters, string group, string resource, Func<JsonElement, bool>? keep = null)
    {
        var keys = new HashSet<ObjectKey>();
        foreach (var cluster in clusters)
        {
            var type = cluster.Data.Catalog.FirstOrDefault(candidate => candidate.Group == group && candidate.Resource == resource);
            if (type is null)
            {
                continue;
            }

            foreach (var item in cluster.Data.ReadObjects(group, resource).Where(item => keep?.Invoke(item) ?? true))
            {
                keys.Add(new ObjectKey(cluster.Name, type.Kind, Namespace(item), Text(item, "metadata", "name")));
            }
        }

        return keys;
    }

    public static string? Namespace(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("namespace", out var ns) ? ns.GetString() : null;

    public static string Text(JsonElement item, params string[] path)
    {
        foreach (var name in path)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out item))
            {
                return "";
            }
        }

        return item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
    }

    public static IReadOnlyDictionary<string, string> Labels(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("labels", out var labels)
            ? labels.EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString()!)
            : new Dictionary<string, string>();
}
