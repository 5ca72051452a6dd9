using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// What a query lets the search narrow before reading anything: which kinds, clusters and
/// namespaces can hold a match, and the label and field selectors a server can apply. It is drawn
/// only from conditions joined by <c>and</c> at the top of the where clause, so every row that
/// could match is still fetched; anything under <c>or</c> pushes nothing. The full condition is
/// still evaluated on every row fetched.
/// </summary>
public sealed class QueryPushdown
{
    internal QueryPushdown(
        IReadOnlySet<string>? kinds,
        IReadOnlySet<string>? clusters,
        IReadOnlySet<string>? namespaces,
        LabelSelector labelSelector,
        FieldSelector fieldSelector)
    {
        Kinds = kinds;
        Clusters = clusters;
        Namespaces = namespaces;
        LabelSelector = labelSelector;
        FieldSelector = fieldSelector;
    }

    /// <summary>
    /// The kinds a match can have, compared case-insensitively (the set ignores case), or null when
    /// the query does not restrict kinds. Empty when the restrictions contradict each other.
    /// </summary>
    public IReadOnlySet<string>? Kinds { get; }

    /// <summary>The clusters a match can come from, or null for any. Empty when contradictory.</summary>
    public IReadOnlySet<string>? Clusters { get; }

    /// <summary>
    /// The namespaces a match can be in, or null for any. A restriction here also rules out
    /// cluster-scoped resources, which have no namespace. Empty when contradictory.
    /// </summary>
    public IReadOnlySet<string>? Namespaces { get; }

    /// <summary>Label requirements the server can apply (<c>labels.k = 'v'</c>, <c>in</c>, <c>!=</c>, <c>not in</c>, <c>missing</c>).</summary>
    public LabelSelector LabelSelector { get; }

    /// <summary><c>metadata.name</c> terms from <c>name = 'x'</c>, which every kind supports.</summary>
    public FieldSelector FieldSelector { get; }

    /// <summary>True when the restrictions contradict each other, so nothing can match.</summary>
    public bool MatchesNothing => Kinds is { Count: 0 } || Clusters is { Count: 0 } || Namespaces is { Count: 0 };

    internal static QueryPushdown From(QueryCondition condition)
    {
        HashSet<string>? kinds = null;
        HashSet<string>? clusters = null;
        HashSet<string>? namespaces = null;
        var labels = new List<LabelRequirement>();
        var fields = new List<FieldRequirement>();
        foreach (var conjunct in Conjuncts(condition))
        {
            if (LabelRequirementOf(conjunct) is { } requirement)
                labels.Add(requirement);
            if (TextValues(conjunct) is not { } restriction)
                continue;
            var (column, values) = restriction;
            switch (column.Kind)
            {
                case QueryColumnKind.Kind:
                    kinds = Narrow(kinds, values, StringComparer.OrdinalIgnoreCase);
                    break;
                case QueryColumnKind.Cluster:
                    clusters = Narrow(clusters, values, StringComparer.Ordinal);
                    break;
                case QueryColumnKind.Namespace:
                    namespaces = Narrow(namespaces, values, StringComparer.Ordinal);
                    break;
                case QueryColumnKind.Name when values.Count == 1:
                    fields.Add(new FieldRequirement("metadata.name", FieldOperator.Equals, values[0]));
                    break;
            }
        }
        return new QueryPushdown(kinds, clusters, namespaces, new LabelSelector(labels), new FieldSelector(fields));
    }

    private static IEnumerable<QueryCondition> Conjuncts(QueryCondition condition) =>
        condition is AllOfCondition all ? all.Conditions.SelectMany(Conjuncts) : [condition];

    // "column = 'x'" and "column in ('x', 'y')" with string values: the column's value is one of them.
    private static (QueryColumn Column, IReadOnlyList<string> Values)? TextValues(QueryCondition condition) => condition switch
    {
        ComparisonCondition { Operator: ComparisonOperator.Equal, Value.Kind: QueryLiteralKind.String } comparison =>
            (comparison.Column, [comparison.Value.Text]),
        InCondition { Negated: false } list when list.Values.All(value => value.Kind == QueryLiteralKind.String) =>
            (list.Column, list.Values.Select(value => value.Text).ToList()),
        _ => null,
    };

    private static HashSet<string> Narrow(HashSet<string>? current, IEnumerable<string> allowed, StringComparer comparer)
    {
        var narrowed = new HashSet<string>(allowed, comparer);
        if (current is not null)
            narrowed.IntersectWith(current);
        return narrowed;
    }

    // Only string values: a number in the query compares numerically ("03" = 3), which a label
    // selector's exact match would not. A key or value the server would reject is left to the
    // client side, where it simply matches no label.
    private static LabelRequirement? LabelRequirementOf(QueryCondition condition)
    {
        var (key, @operator, values) = condition switch
        {
            ComparisonCondition { Column.Kind: QueryColumnKind.Label, Value.Kind: QueryLiteralKind.String } comparison
                when comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual =>
                (comparison.Column.Key,
                    comparison.Operator == ComparisonOperator.Equal ? LabelOperator.Equals : LabelOperator.NotEquals,
                    new[] { comparison.Value.Text }),
            InCondition { Column.Kind: QueryColumnKind.Label } list when list.Values.All(value => value.Kind == QueryLiteralKind.String) =>
                (list.Column.Key, list.Negated ? LabelOperator.NotIn : LabelOperator.In, list.Values.Select(value => value.Text).ToArray()),
            MissingCondition { Column.Kind: QueryColumnKind.Label } missing =>
                (missing.Column.Key, missing.Negated ? LabelOperator.Exists : LabelOperator.DoesNotExist, Array.Empty<string>()),
            _ => (null, default(LabelOperator), Array.Empty<string>()),
        };
        if (key is null)
            return null;
        return LabelRequirement.TryCreate(key, @operator, values, out var requirement, out _) ? requirement : null;
    }
}
