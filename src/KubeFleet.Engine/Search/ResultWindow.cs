using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Search;

/// <summary>
/// Which results reach the consumer: the first <c>Skip</c> are left out and the search stops after
/// <c>First</c>. Without an order, results pass as they arrive and nothing is held. With one, only
/// what can still be among the first <c>Skip + First</c> is held until the end, then sorted,
/// stably, so results that tie keep their arrival order.
/// </summary>
internal sealed class ResultWindow
{
    // Sorting on every arrival would cost too much; trimming once the held results reach twice
    // the window keeps memory bounded at an amortised O(log n) per result.
    private const int TrimSlack = 1024;

    private readonly IComparer<IQueryRow>? _order;
    private readonly long _skip;
    private readonly long? _first;
    private readonly List<(ClusterResource Resource, long Arrival)> _held = [];
    private long _skipped;
    private long _passed;
    private long _arrivals;

    public ResultWindow(IComparer<IQueryRow>? order, long skip, long? first)
    {
        _order = order;
        _skip = skip;
        _first = first;
    }

    /// <summary>Whether results are held and sorted (<see cref="Hold"/>, <see cref="Release"/>) rather than passed on.</summary>
    public bool Orders => _order is not null;

    /// <summary>True once <c>First</c> results have passed: nothing more is wanted.</summary>
    public bool IsFull => _first is { } first && _passed >= first;

    /// <summary>Whether an arriving result is passed on (false while skipping).</summary>
    public bool TryPass()
    {
        if (_skipped < _skip)
        {
            _skipped++;
            return false;
        }

        _passed++;
        return true;
    }

    public void Hold(ClusterResource resource)
    {
        _held.Add((resource, _arrivals++));
        if (_first is { } first && first <= int.MaxValue / 4 && _skip <= int.MaxValue / 4)
        {
            var window = (int)(_skip + first);
            if (_held.Count >= Math.Max(2 * window, window + TrimSlack))
            {
                Sort();
                _held.RemoveRange(window, _held.Count - window);
            }
        }
    }

    /// <summary>The held results, sorted, after <c>Skip</c>, at most <c>First</c>.</summary>
    public IEnumerable<ClusterResource> Release()
    {
        Sort();
        var released = _held.Skip((int)Math.Min(_skip, int.MaxValue)).Select(held => held.Resource);
        return _first is { } first ? released.Take((int)Math.Min(first, int.MaxValue)) : released;
    }

    private void Sort() => _held.Sort((left, right) =>
    {
        var order = _order!.Compare(left.Resource, right.Resource);
        return order != 0 ? order : left.Arrival.CompareTo(right.Arrival);
    });
}
