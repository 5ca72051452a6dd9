using System.Text.Json;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>Label selectors as objects carry them: a Service's plain map, or a metav1.LabelSelector.</summary>
internal static class LabelSelectorJson
{
    /// <summary>A Service's <c>spec.selector</c> map; null (selects nothing) when it is missing or empty.</summary>
    public static LabelSelector? FromMap(JsonElement? map)
    {
        if (map is not { ValueKind: JsonValueKind.Object } entries)
            return null;
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in KubeObject.StringMap(entries))
        {
            if (!LabelRequirement.TryCreate(key, LabelOperator.Equals, [value], out var requirement, out _))
                return null;
            requirements.Add(requirement);
        }
        return requirements.Count == 0 ? null : new LabelSelector(requirements);
    }

    /// <summary>
    /// A metav1.LabelSelector (<c>matchLabels</c> and <c>matchExpressions</c>): an empty one selects
    /// everything, a missing or malformed one nothing (null), as in policy/v1 and networking/v1.
    /// </summary>
    public static LabelSelector? FromLabelSelector(JsonElement? selector)
    {
        if (selector is not { ValueKind: JsonValueKind.Object } value)
            return null;
        var requirements = new List<LabelRequirement>();
        if (KubeObject.Find(value, "matchLabels") is { ValueKind: JsonValueKind.Object } matchLabels)
        {
            foreach (var (key, label) in KubeObject.StringMap(matchLabels))
            {
                if (!LabelRequirement.TryCreate(key, LabelOperator.Equals, [label], out var requirement, out _))
                    return null;
                requirements.Add(requirement);
            }
        }
        foreach (var expression in KubeObject.Items(value, "matchExpressions"))
        {
            var key = KubeObject.Text(expression, "key");
            LabelOperator? @operator = KubeObject.Text(expression, "operator") switch
            {
                "In" => LabelOperator.In,
                "NotIn" => LabelOperator.NotIn,
                "Exists" => LabelOperator.Exists,
                "DoesNotExist" => LabelOperator.DoesNotExist,
                _ => null,
            };
            var values = KubeObject.Items(expression, "values").Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!);
            if (key is null || @operator is null || !LabelRequirement.TryCreate(key, @operator.Value, values, out var requirement, out _))
                return null;
            requirements.Add(requirement);
        }
        return new LabelSelector(requirements);
    }
}
