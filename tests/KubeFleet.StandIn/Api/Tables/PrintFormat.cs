using System.Text.Json;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>The formatting helpers the real printers share (<c>pkg/printers/internalversion/printers.go</c>).</summary>
internal static class PrintFormat
{
    /// <summary><c>translateTimestampSince</c>: the age of a timestamp, <c>&lt;unknown&gt;</c> when there is none.</summary>
    public static string Since(DateTimeOffset? timestamp, DateTimeOffset now) =>
        timestamp is { } time ? HumanDuration.Format(now - time) : "<unknown>";

    public static string Age(JsonElement item, DateTimeOffset now) => Since(ObjectJson.Time(item, "metadata", "creationTimestamp"), now);

    /// <summary><c>labels.FormatLabels</c>: <c>k=v</c> pairs sorted by key, <c>&lt;none&gt;</c> when empty.</summary>
    public static string Labels(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        labels.Count == 0 ? "<none>" : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    /// <summary><c>metav1.FormatLabelSelector</c>: the selector's canonical text, <c>&lt;none&gt;</c> when absent or empty.</summary>
    public static string Selector(JsonElement item, params ReadOnlySpan<string> path)
    {
        if (ObjectJson.Find(item, path) is not { ValueKind: JsonValueKind.Object } selector)
        {
            return "<none>";
        }

        var requirements = ObjectJson.Map(selector, "matchLabels").Select(l => $"{l.Key}={l.Value}").ToList();
        foreach (var expression in ObjectJson.Items(selector, "matchExpressions"))
        {
            var key = ObjectJson.Text(expression, "key");
            var values = string.Join(",", ObjectJson.Items(expression, "values").Select(v => v.GetString()));
            requirements.Add(ObjectJson.Text(expression, "operator") switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key,
                _ => "!" + key,
            });
        }

        var text = LabelSelector.TryParse(string.Join(",", requirements), out var parsed, out _) ? parsed.ToString() : "<error>";
        return text.Length == 0 ? "<none>" : text;
    }

    /// <summary><c>layoutContainerCells</c>: container names and images, comma-separated.</summary>
    public static (string Names, string Images) Containers(JsonElement podSpec)
    {
        var containers = ObjectJson.Items(podSpec, "containers").ToArray();
        return (string.Join(",", containers.Select(c => ObjectJson.Text(c, "name"))), string.Join(",", containers.Select(c => ObjectJson.Text(c, "image"))));
    }

    /// <summary><c>printBoolPtr</c>.</summary>
    public static string OptionalFlag(JsonElement item, params ReadOnlySpan<string> path) => ObjectJson.Find(item, path) switch
    {
        { ValueKind: JsonValueKind.True } => "True",
        { ValueKind: JsonValueKind.False } => "False",
        _ => "<unset>",
    };

    /// <summary><c>helper.GetAccessModesAsString</c>: RWO, ROX, RWX, RWOP in that order.</summary>
    public static string AccessModes(JsonElement item, params ReadOnlySpan<string> path)
    {
        var modes = ObjectJson.Items(item, path).Select(m => m.GetString()).ToHashSet();
        var shown = new List<string>();
        foreach (var (mode, abbreviation) in new[] { ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP") })
        {
            if (modes.Contains(mode))
            {
                shown.Add(abbreviation);
            }
        }

        return string.Join(",", shown);
    }
}
