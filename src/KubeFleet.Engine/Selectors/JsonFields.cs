using System.Globalization;
using System.Text.Json;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// Reads a field of an object's JSON by dotted path the way the server's typed objects see it: an
/// absent field has its type's zero value.
/// </summary>
internal static class JsonFields
{
    public static string Text(JsonElement item, string path) =>
        TryFind(item, path, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public static string Boolean(JsonElement item, string path) =>
        TryFind(item, path, out var value) && value.ValueKind == JsonValueKind.True ? "true" : "false";

    public static string Integer(JsonElement item, string path) =>
        TryFind(item, path, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : "0";

    /// <summary>A text field of the first element of an array, e.g. the IP of <c>status.podIPs</c>.</summary>
    public static string TextOfFirst(JsonElement item, string arrayPath, string field) =>
        TryFind(item, arrayPath, out var array) && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > 0
            ? Text(array[0], field)
            : "";

    private static bool TryFind(JsonElement item, string path, out JsonElement value)
    {
        value = item;
        foreach (var segment in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
                return false;
        }
        return true;
    }
}
