using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>
/// The JSONPath subset printer columns use: dotted fields (<c>.spec.secretName</c>) and equality filters on
/// list items (<c>.status.conditions[?(@.type=="Ready")].status</c>); the first match counts.
/// </summary>
internal static class SimpleJsonPath
{
    public static JsonElement? Evaluate(JsonElement root, string path)
    {
        var current = new List<JsonElement> { root };
        var position = 0;
        while (position < path.Length && current.Count > 0)
        {
            if (path[position] == '.')
            {
                var end = position + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                var field = path[(position + 1)..end];
                current = current.Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out _)).Select(e => e.GetProperty(field)).ToList();
                position = end;
            }
            else if (path.AsSpan(position).StartsWith("[?(@."))
            {
                var close = path.IndexOf(")]", position, StringComparison.Ordinal);
                var condition = path[(position + 5)..close];
                var equals = condition.IndexOf("==", StringComparison.Ordinal);
                var field = condition[..equals];
                var expected = condition[(equals + 2)..].Trim('"', '\'');
                current = current.Where(e => e.ValueKind == JsonValueKind.Array)
                    .SelectMany(e => e.EnumerateArray())
                    .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == expected)
                    .ToList();
                position = close + 2;
            }
            else
            {
                return null;
            }
        }

        return current.Count > 0 ? current[0] : null;
    }
}
