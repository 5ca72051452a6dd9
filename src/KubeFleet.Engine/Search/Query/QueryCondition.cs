namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// A condition of the query's where clause. A positive predicate holds when any value of its
/// column satisfies it, and never on a missing column; its negated form (<c>!=</c>,
/// <c>not in</c>, <c>not like</c>, <c>not between</c>) is its exact complement, so it also holds
/// on a missing column, as <c>!=</c> does in Kubernetes label selectors.
/// </summary>
public abstract record QueryCondition
{
    private protected QueryCondition()
    {
    }

    internal abstract bool Matches(IQueryRow row);
}

/// <summary>Conditions joined with <c>and</c>.</summary>
public sealed record AllOfCondition(IReadOnlyList<QueryCondition> Conditions) : QueryCondition
{
    internal override bool Matches(IQueryRow row) => Conditions.All(condition => condition.Matches(row));
}

/// <summary>Conditions joined with <c>or</c>.</summary>
public sealed record AnyOfCondition(IReadOnlyList<QueryCondition> Conditions) : QueryCondition
{
    internal override bool Matches(IQueryRow row) => Conditions.Any(condition => condition.Matches(row));
}

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>column = value</c>, <c>!=</c> (or <c>&lt;&gt;</c>), <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
public sealed record ComparisonCondition(QueryColumn Column, ComparisonOperator Operator, QueryLiteral Value) : QueryCondition
{
    internal override bool Matches(IQueryRow row)
    {
        if (Operator == ComparisonOperator.NotEqual)
            return !Equal(row);
        return Column.ValuesIn(row).Any(value => value.CompareTo(Value, Column.Comparison) is { } order && Operator switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }

    private bool Equal(IQueryRow row) =>
        Column.ValuesIn(row).Any(value => value.CompareTo(Value, Column.Comparison) == 0);
}

/// <summary><c>column [not] in (a, b, ...)</c>.</summary>
public sealed record InCondition(QueryColumn Column, IReadOnlyList<QueryLiteral> Values, bool Negated) : QueryCondition
{
    internal override bool Matches(IQueryRow row) =>
        Negated != Column.ValuesIn(row).Any(value => Values.Any(literal => value.CompareTo(literal, Column.Comparison) == 0));
}

/// <summary><c>column [not] between low and high</c>, both ends included.</summary>
public sealed record BetweenCondition(QueryColumn Column, QueryLiteral Low, QueryLiteral High, bool Negated) : QueryCondition
{
    // Karpor's "not between" selects the same rows as "between"; here it is the complement.
    internal override bool Matches(IQueryRow row) =>
        Negated != Column.ValuesIn(row).Any(value =>
            value.CompareTo(Low, Column.Comparison) >= 0 && value.CompareTo(High, Column.Comparison) <= 0);
}

/// <summary>
/// <c>column [not] like 'pattern'</c>: <c>%</c> is any run of characters, <c>_</c> exactly one,
/// a backslash makes the next character literal (<c>\%</c>, <c>\_</c>). The whole value must match.
/// </summary>
public sealed record LikeCondition(QueryColumn Column, QueryLiteral Pattern, bool Negated) : QueryCondition
{
    private LikePattern? compiled;

    internal override bool Matches(IQueryRow row)
    {
        var pattern = Compiled;
        return Negated != Column.ValuesIn(row).Any(value => pattern.Matches(value.Text));
    }

    // Compiled on first use and checked against the current pattern, since "with" copies the cache.
    private LikePattern Compiled =>
        compiled is { } cached && cached.IsFor(Pattern.Text, Column.Comparison)
            ? cached
            : compiled = new LikePattern(Pattern.Text, Column.Comparison);
}

/// <summary><c>column = missing</c> (absent or null), or <c>column != missing</c> (present).</summary>
public sealed record MissingCondition(QueryColumn Column, bool Negated) : QueryCondition
{
    internal override bool Matches(IQueryRow row) => Negated == Column.ValuesIn(row).Any();
}

/// <summary>
/// <c>contains(column, 'text')</c>: a value of the column holds the text (for <c>content</c>, the
/// object's JSON text; for objects and arrays, their JSON).
/// </summary>
public sealed record ContainsCondition(QueryColumn Column, QueryLiteral Text) : QueryCondition
{
    internal override bool Matches(IQueryRow row) =>
        Column.ValuesIn(row).Any(value => value.Text.Contains(Text.Text, Column.Comparison));
}
