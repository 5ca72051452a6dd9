using System.Text.Json;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight;

/// <summary>Reads the parts of Kubernetes objects that relations and summaries are made of.</summary>
internal static class KubeObject
{
    /// <summary>The API group of an apiVersion: "apps" for apps/v1, "" for v1.</summary>
    public static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? "" : apiVersion[..slash];
    }

    public static string Group(this IQueryRow row) => GroupOf(row.ApiVersion);

    public static bool Is(this IQueryRow row, string group, string kind) => row.Group() == group && row.Kind == kind;

    public static string? Uid(this IQueryRow row) => Text(row.Object, "metadata", "uid");

    public static IReadOnlyDictionary<string, string> Labels(this IQueryRow row) =>
        Find(row.Object, "metadata", "labels") is { ValueKind: JsonValueKind.Object } labels ? StringMap(labels) : new Dictionary<string, string>();

    /// <summary>The object or value at a path of property names, or null when any step is missing.</summary>
    public static JsonElement? Find(JsonElement node, params string[] path)
    {
        foreach (var name in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
                return null;
        }
        return node.ValueKind == JsonValueKind.Null ? null : node;
    }

    /// <summary>The string at a path, or null when it is missing or not a string.</summary>
    public static string? Text(JsonElement node, params string[] path) =>
        Find(node, path) is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>The elements of the array at a path; none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement node, params string[] path) =>
        Find(node, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A JSON object of strings as a map; values that are not strings are left out.</summary>
    public static Dictionary<string, string> StringMap(JsonElement map) =>
        map.EnumerateObject()
            .Where(entry => entry.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(entry => entry.Name, entry => entry.Value.GetString()!, StringComparer.Ordinal);
}
