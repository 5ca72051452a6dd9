using System.Text;

namespace KubeFleet.Engine.Search.Query;

public enum QueryColumnKind
{
    Cluster,
    ApiVersion,
    Kind,
    Namespace,
    Name,
    ResourceVersion,
    CreationTimestamp,
    DeletionTimestamp,
    Content,

    /// <summary><c>labels.&lt;key&gt;</c>; <see cref="QueryColumn.Key"/> is the label key.</summary>
    Label,

    /// <summary><c>annotations.&lt;key&gt;</c>; <see cref="QueryColumn.Key"/> is the annotation key.</summary>
    Annotation,

    /// <summary><c>ownerReferences.&lt;field&gt;</c>; <see cref="QueryColumn.Key"/> is the field. Any owner may match.</summary>
    OwnerReference,

    /// <summary>Any other name: a dotted JSON path into the object, e.g. <c>spec.replicas</c>.</summary>
    Path,
}

/// <summary>A column of the query: one of Karpor's named columns or a JSON path into the object.</summary>
/// <param name="Key">The label or annotation key, owner reference field or JSON path; empty for named columns.</param>
/// <param name="Text">The column as written, for messages.</param>
/// <param name="Position">Zero-based offset of the column in the query.</param>
public sealed record QueryColumn(QueryColumnKind Kind, string Key, string Text, int Position)
{
    private static readonly Dictionary<string, QueryColumnKind> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cluster"] = QueryColumnKind.Cluster,
        ["apiVersion"] = QueryColumnKind.ApiVersion,
        ["kind"] = QueryColumnKind.Kind,
        ["namespace"] = QueryColumnKind.Namespace,
        ["name"] = QueryColumnKind.Name,
        ["resourceVersion"] = QueryColumnKind.ResourceVersion,
        ["creationTimestamp"] = QueryColumnKind.CreationTimestamp,
        ["deletionTimestamp"] = QueryColumnKind.DeletionTimestamp,
        ["content"] = QueryColumnKind.Content,
    };

    private static readonly (string Prefix, QueryColumnKind Kind)[] Keyed =
    [
        ("labels.", QueryColumnKind.Label),
        ("annotations.", QueryColumnKind.Annotation),
        ("ownerReferences.", QueryColumnKind.OwnerReference),
    ];

    /// <summary>Whether values compare as times (RFC 3339).</summary>
    public bool IsTime => Kind is QueryColumnKind.CreationTimestamp or QueryColumnKind.DeletionTimestamp;

    /// <summary>Kinds are matched case-insensitively (Pod, pod and POD are one kind); everything else exactly.</summary>
    internal StringComparison Comparison => Kind == QueryColumnKind.Kind ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Resolves a column name; null with a reason when the name needs a key it lacks.</summary>
    internal static QueryColumn? Resolve(string name, int position, out string? problem)
    {
        problem = null;
        if (Named.TryGetValue(name, out var named))
            return new QueryColumn(named, "", name, position);
        foreach (var (prefix, kind) in Keyed)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                if (name.Length > prefix.Length)
                    return new QueryColumn(kind, name[prefix.Length..], name, position);
                problem = $"expected a key after '{name}', as in '{name}app'";
                return null;
            }
            if (string.Equals(name, prefix.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                problem = $"'{name}' needs a key: write '{name}.<key>', back-quoted when the key has characters such as spaces";
                return null;
            }
        }
        if (name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
        {
            problem = $"'{name}' is not a JSON path: expected names separated by single dots, as in 'spec.replicas'";
            return null;
        }
        return new QueryColumn(QueryColumnKind.Path, name, name, position);
    }

    /// <summary>The column's values in a row: none when it is missing, one per element across arrays.</summary>
    internal IEnumerable<ColumnValue> ValuesIn(IQueryRow row)
    {
        switch (Kind)
        {
            case QueryColumnKind.Cluster: return [ColumnValue.OfText(row.Cluster)];
            case QueryColumnKind.ApiVersion: return [ColumnValue.OfText(row.ApiVersion)];
            case QueryColumnKind.Kind: return [ColumnValue.OfText(row.Kind)];
            case QueryColumnKind.Name: return [ColumnValue.OfText(row.Name)];
            case QueryColumnKind.Namespace: return Optional(row.Namespace);
            case QueryColumnKind.ResourceVersion: return Optional(row.ResourceVersion);
            case QueryColumnKind.CreationTimestamp: return Optional(row.CreationTimestamp);
            case QueryColumnKind.DeletionTimestamp: return Optional(row.DeletionTimestamp);
            case QueryColumnKind.Label: return row.TryGetLabel(Key, out var label) ? [ColumnValue.OfText(label)] : [];
            case QueryColumnKind.Annotation: return row.TryGetAnnotation(Key, out var annotation) ? [ColumnValue.OfText(annotation)] : [];
            case QueryColumnKind.Content:
                return row.Json.IsEmpty ? [] : [ColumnValue.OfText(Encoding.UTF8.GetString(row.Json.Span))];
            case QueryColumnKind.OwnerReference:
                return JsonPath.Values(row.Json, "metadata.ownerReferences." + Key);
            default:
                return JsonPath.Values(row.Json, Key);
        }
    }

    private static IEnumerable<ColumnValue> Optional(string? text) => text is null ? [] : [ColumnValue.OfText(text)];

    private static IEnumerable<ColumnValue> Optional(DateTimeOffset? instant) =>
        instant is { } value ? [ColumnValue.OfInstant(value)] : [];
}
