using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>Runs searches the way the cmdlet does: one connection pool and discovery cache for many searches.</summary>
internal sealed class FleetSearchRunner : IDisposable
{
    /// <summary>No search in these tests may take longer; a hang fails the test instead of stalling the suite.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClusterConnectionPool _connections = new(new ClusterConnectionOptions { MaxRetryWait = TimeSpan.FromSeconds(5) });

    public DiscoveryCache Discovery { get; } = new();

    public FleetSearch Search => new(_connections, Discovery);

    public async Task<SearchOutcome> RunAsync(SearchRequest request)
    {
        using var patience = new CancellationTokenSource(Patience);
        var events = new List<SearchEvent>();
        await foreach (var searchEvent in Search.RunAsync(SearchPlan.Create(request), patience.Token))
        {
            events.Add(searchEvent);
        }

        return new SearchOutcome(events);
    }

    public void Dispose() => _connections.Dispose();
}
