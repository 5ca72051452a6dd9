using System.Globalization;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// Dotted paths into an object. A name that meets an array applies to every element
/// (<c>spec.containers.image</c> is the image of each container), a number picks one element
/// (<c>spec.containers.0.image</c>), and an array at the end of the path yields its elements.
/// Nulls are missing values.
/// </summary>
internal static class JsonPath
{
    public static IEnumerable<ColumnValue> Values(JsonElement item, string path)
    {
        var found = new List<ColumnValue>();
        Collect(item, path.Split('.'), 0, found);
        return found;
    }

    private static void Collect(JsonElement node, string[] segments, int index, List<ColumnValue> found)
    {
        if (index == segments.Length)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in node.EnumerateArray())
                    Add(element, found);
            }
            else
                Add(node, found);
            return;
        }
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                if (node.TryGetProperty(segments[index], out var child))
                    Collect(child, segments, index + 1, found);
                break;
            case JsonValueKind.Array:
                if (int.TryParse(segments[index], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                {
                    if (position < node.GetArrayLength())
                        Collect(node[position], segments, index + 1, found);
                }
                else
                {
                    foreach (var element in node.EnumerateArray())
                        Collect(element, segments, index, found);
                }
                break;
        }
    }

    private static void Add(JsonElement value, List<ColumnValue> found)
    {
        if (ColumnValue.OfJson(value) is { } columnValue)
            found.Add(columnValue);
    }
}
