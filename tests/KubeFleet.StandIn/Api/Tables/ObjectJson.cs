using System.Globalization;
using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>Reads fields of an object's JSON the way Go's typed objects see them: absent means the zero value.</summary>
internal static class ObjectJson
{
    public static JsonElement? Find(JsonElement item, params ReadOnlySpan<string> path)
    {
        var current = item;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public static string Text(JsonElement item, params ReadOnlySpan<string> path) =>
        Find(item, path) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";

    public static long Integer(JsonElement item, params ReadOnlySpan<string> path) =>
        Find(item, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : 0;

    public static bool Flag(JsonElement item, params ReadOnlySpan<string> path) =>
        Find(item, path) is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Items(JsonElement item, params ReadOnlySpan<string> path) =>
        Find(item, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToArray() : [];

    public static IReadOnlyList<KeyValuePair<string, string>> Map(JsonElement item, params ReadOnlySpan<string> path) =>
        Find(item, path) is { ValueKind: JsonValueKind.Object } map
            ? map.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToArray()
            : [];

    public static int Count(JsonElement item, params ReadOnlySpan<string> path) => Find(item, path) switch
    {
        { ValueKind: JsonValueKind.Object } map => map.EnumerateObject().Count(),
        { ValueKind: JsonValueKind.Array } array => array.GetArrayLength(),
        _ => 0,
    };

    /// <summary>A metav1.Time field; null when absent or unparseable.</summary>
    public static DateTimeOffset? Time(JsonElement item, params ReadOnlySpan<string> path) =>
        Text(item, path) is { Length: > 0 } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>An IntOrString rendered as Go's <c>IntOrString.String()</c>.</summary>
    public static string IntOrString(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() ?? "";
}
