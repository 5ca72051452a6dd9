using System.Diagnostics;
using KubeFleet.Engine.Search;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>
/// Results flow as they arrive: a slow cluster holds nobody back, having enough results or
/// cancelling ends the search at once, and nothing waits for the slow cluster to finish.
/// </summary>
public sealed class SearchStreamingTests(FaultFleetFixture fixture) : IClassFixture<FaultFleetFixture>, IAsyncLifetime
{
    /// <summary>Far longer than any of these searches may take: a search that waited for it failed.</summary>
    private static readonly TimeSpan SlowClusterLatency = TimeSpan.FromSeconds(30);

    private StandInFleet Fleet => fixture.Fleet;

    private StandInCluster Slow => Fleet["cluster-02"];

    public Task InitializeAsync() => fixture.ClearFaultsAsync();

    public Task DisposeAsync() => fixture.ClearFaultsAsync();

    [Fact]
    public async Task ASlowClusterHoldsBackNoOtherClustersResults()
    {
        using var runner = new FleetSearchRunner();
        await runner.RunAsync(PodSearch());
        Slow.Faults.Latency = TimeSpan.FromSeconds(4);

        var outcome = await runner.RunAsync(PodSearch());

        var events = outcome.Events.ToList();
        var firstFromSlow = events.FindIndex(searchEvent => searchEvent is ResourceFound { Resource.Cluster: "cluster-02" });
        var othersDone = events.FindLastIndex(searchEvent => searchEvent is ClusterSearched { Cluster: not "cluster-02" });
        Assert.True(firstFromSlow > othersDone, "The fast clusters' results waited for the slow cluster.");
        Assert.IsType<ResourceFound>(events[0]);
        Assert.Equal(FleetExpectations.Objects(Fleet.Clusters, "", "pods"), outcome.Keys);
    }

    [Fact]
    public async Task HavingEnoughResultsStopsTheSearchWithoutWaitingForTheSlowCluster()
    {
        using var runner = new FleetSearchRunner();
        Slow.Faults.Latency = SlowClusterLatency;
        var clock = Stopwatch.StartNew();

        var outcome = await runner.RunAsync(PodSearch() with { First = 1 });

        Assert.True(clock.Elapsed < SlowClusterLatency / 2, $"The search took {clock.Elapsed}: it waited for the slow cluster.");
        var found = Assert.Single(outcome.Results);
        Assert.NotEqual(Slow.Name, found.Cluster);
        Assert.DoesNotContain(outcome.Completed, done => done.Cluster == Slow.Name);
    }

    [Fact]
    public async Task CancellingStopsEveryOutstandingRequest()
    {
        using var runner = new FleetSearchRunner();
        Slow.Faults.Latency = SlowClusterLatency;
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var found = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var searchEvent in runner.Search.RunAsync(SearchPlan.Create(PodSearch()), cancel.Token))
            {
                if (searchEvent is ResourceFound)
                {
                    found++;
                    await cancel.CancelAsync();
                }
            }
        });

        // The enumeration ends only once every cluster's work has ended, so ending early proves the
        // slow cluster's requests were abandoned rather than waited for.
        Assert.True(clock.Elapsed < SlowClusterLatency / 2, $"Cancelling took {clock.Elapsed}: the slow cluster was waited for.");
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task SkipsAndTakesAsAsked()
    {
        using var runner = new FleetSearchRunner();

        var all = await runner.RunAsync(PodSearch());
        var window = await runner.RunAsync(PodSearch() with { Skip = 5, First = 10 });

        Assert.Equal(10, window.Results.Count);
        Assert.Equal(10, window.Keys.Count);
        Assert.Subset(all.Keys, window.Keys);
    }

    [Fact]
    public async Task OrderedResultsComeSortedAndOnlyAsManyAsAsked()
    {
        using var runner = new FleetSearchRunner();

        var outcome = await runner.RunAsync(PodSearch() with { Kinds = [], Query = "kind='Pod' order by name desc", Skip = 3, First = 7 });

        var expected = FleetExpectations.Objects(Fleet.Clusters, "", "pods").Select(key => key.Name).OrderDescending(StringComparer.Ordinal).Skip(3).Take(7);
        Assert.Equal(expected, outcome.Results.Select(found => found.Name));
    }

    private SearchRequest PodSearch() => new() { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods"] };
}
