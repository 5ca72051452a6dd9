using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>Runs searches the way the cmdlet does: one connection pool and discovery cache for many searches.</summary>
internal sealed class FleetSearchRunner : IDisposable
{
    /// <summary>No search in these tests may take longer; a hang fails the test instead of stalling the suite.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClusterConnectionPool _connections;

    public FleetSearchRunner(ClusterConnectionOptions? options = null) =>
        _connections = new ClusterConnectionPool(options ?? new ClusterConnectionOptions { MaxRetryWait = TimeSpan.FromSeconds(5) });

    public DiscoveryCache Discovery { get; } = new();

    public FleetSearch Search => new(_connections, Discovery);

    public Task<SearchOutcome> RunAsync(SearchRequest request) => RunAsync(request, _ => Task.CompletedTask);

    /// <summary>Runs a search, calling <paramref name="onEvent"/> as each event arrives (to break something mid-search).</summary>
    public async Task<SearchOutcome> RunAsync(SearchRequest request, Func<SearchEvent, Task> onEvent)
    {
        using var patience = new CancellationTokenSource(Patience);
        var events = new List<SearchEvent>();
        await foreach (var searchEvent in Search.RunAsync(SearchPlan.Create(request), patience.Token))
        {
            events.Add(searchEvent);
            await onEvent(searchEvent);
        }

        return new SearchOutcome(events);
    }

    public void Dispose() => _connections.Dispose();
}
