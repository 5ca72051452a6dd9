using System.Text.Json;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// Finds a property name that appears twice in one JSON object. System.Text.Json keeps one of the
/// two silently; a profile with two "token"s or two "server"s is ambiguous, so it is refused.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <returns>The JSON path of the first repeated property, or null when there is none.</returns>
    public static string? Find(JsonElement element, string path = "")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    return Child(path, property.Name);
                }

                if (HasChildren(property.Value) && Find(property.Value, Child(path, property.Name)) is { } nested)
                {
                    return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (HasChildren(item) && Find(item, $"{path}[{index}]") is { } nested)
                {
                    return nested;
                }

                index++;
            }
        }

        return null;
    }

    private static bool HasChildren(JsonElement element) =>
        element.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
