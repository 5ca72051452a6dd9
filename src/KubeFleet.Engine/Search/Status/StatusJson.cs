using System.Text.Json;

namespace KubeFleet.Engine.Search.Status;

/// <summary>
/// Reads fields of an object the way its typed Go struct sees them: a missing or mistyped field
/// has its zero value.
/// </summary>
internal static class StatusJson
{
    public static JsonElement Find(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }

        return element;
    }

    public static string Text(JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";

    public static long Integer(JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : 0;

    /// <summary>An optional integer (a Go <c>*int32</c>): null when absent.</summary>
    public static long? OptionalInteger(JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static bool Flag(JsonElement element, params string[] path) => Find(element, path).ValueKind == JsonValueKind.True;

    public static bool Exists(JsonElement element, params string[] path) => Find(element, path).ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    public static IEnumerable<JsonElement> Items(JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Whether <c>status.conditions</c> has a condition of this type whose status is True.</summary>
    public static bool HasTrueCondition(JsonElement item, string type) =>
        Items(item, "status", "conditions").Any(condition => Text(condition, "type") == type && Text(condition, "status") == "True");
}
