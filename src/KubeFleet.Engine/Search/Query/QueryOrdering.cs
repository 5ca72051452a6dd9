namespace KubeFleet.Engine.Search.Query;

/// <summary>One <c>order by</c> column and its direction.</summary>
public sealed record QueryOrdering(QueryColumn Column, bool Descending);

/// <summary>
/// Orders rows by the query's <c>order by</c> columns, each by its first value. Rows missing a
/// column come after those that have it, in either direction. Rows that tie on every column
/// compare equal: sort with a stable sort (LINQ's <c>OrderBy</c>) to keep their arrival order.
/// </summary>
internal sealed class QueryRowComparer(IReadOnlyList<QueryOrdering> orderings) : IComparer<IQueryRow>
{
    public int Compare(IQueryRow? left, IQueryRow? right)
    {
        if (ReferenceEquals(left, right))
            return 0;
        if (left is null || right is null)
            return left is null ? 1 : -1;
        foreach (var ordering in orderings)
        {
            var leftValues = ordering.Column.ValuesIn(left).Take(1).ToList();
            var rightValues = ordering.Column.ValuesIn(right).Take(1).ToList();
            if (leftValues.Count == 0 || rightValues.Count == 0)
            {
                var presence = rightValues.Count.CompareTo(leftValues.Count);
                if (presence != 0)
                    return presence;
                continue;
            }
            var order = leftValues[0].CompareTo(rightValues[0], ordering.Column.Comparison);
            if (order != 0)
                return ordering.Descending ? -order : order;
        }
        return 0;
    }
}
