namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// A search query in Karpor's SQL dialect:
/// <c>select * from resources where &lt;condition&gt; [order by &lt;column&gt; [asc|desc], ...]</c>.
/// The condition alone is accepted too (<c>kind='Pod' and namespace like 'shop%'</c>), with or
/// without <c>order by</c>.
/// <para>
/// Columns: <c>cluster</c>, <c>apiVersion</c>, <c>kind</c> (case-insensitive), <c>namespace</c>,
/// <c>name</c>, <c>resourceVersion</c>, <c>creationTimestamp</c> and <c>deletionTimestamp</c>
/// (compared as RFC 3339 times), <c>content</c> (the object's JSON text), <c>labels.&lt;key&gt;</c>,
/// <c>annotations.&lt;key&gt;</c>, <c>ownerReferences.&lt;field&gt;</c> (any owner), and any
/// dotted JSON path into the object (<c>spec.replicas &gt; 3</c>,
/// <c>spec.containers.image like '%:latest'</c>, where a name that meets an array applies to each
/// element and the predicate holds if any element satisfies it). Back-quote names with other
/// characters: <c>`labels.app.kubernetes.io/name`</c>.
/// </para>
/// <para>
/// Operators: <c>= != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>, <c>= missing</c> and <c>!= missing</c>,
/// <c>[not] in (...)</c>, <c>[not] like</c> (<c>%</c>, <c>_</c>, backslash escapes),
/// <c>[not] between x and y</c> (inclusive; <c>not between</c> is its complement, unlike Karpor's),
/// <c>contains(column, 'text')</c>, <c>and</c>, <c>or</c> and parentheses. Keywords ignore case.
/// Values are quoted strings (' or "), numbers, <c>true</c> and <c>false</c>; numbers compare
/// numerically, strings ordinally. See <see cref="QueryCondition"/> for missing columns.
/// </para>
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(string text, QueryCondition condition, IReadOnlyList<QueryOrdering> orderBy)
    {
        Text = text;
        Condition = condition;
        OrderBy = orderBy;
        Pushdown = QueryPushdown.From(condition);
        RowComparer = new QueryRowComparer(orderBy);
    }

    /// <summary>The query as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>The where clause.</summary>
    public QueryCondition Condition { get; }

    /// <summary>The <c>order by</c> columns, empty when the query has none.</summary>
    public IReadOnlyList<QueryOrdering> OrderBy { get; }

    /// <summary>What servers can evaluate for every row that could match.</summary>
    public QueryPushdown Pushdown { get; }

    /// <summary>Orders rows as <see cref="OrderBy"/> says; use it with a stable sort.</summary>
    public IComparer<IQueryRow> RowComparer { get; }

    /// <summary>Parses a query, or throws <see cref="QueryInvalidException"/> (<c>QueryInvalid</c>) pointing at the problem.</summary>
    public static SearchQuery Parse(string text)
    {
        var (condition, orderBy) = QueryParser.Parse(text);
        return new SearchQuery(text, condition, orderBy);
    }

    public bool Matches(IQueryRow row) => Condition.Matches(row);

    public override string ToString() => Text;
}
