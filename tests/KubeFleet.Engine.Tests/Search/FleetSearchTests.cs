using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>
/// The fan-out on its own, over clusters whose searches are scripted: bounded concurrency,
/// isolation of failures, timeouts, early stops and the order of what is reported.
/// </summary>
public sealed class FleetSearchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SearchesNoMoreClustersAtOnceThanTheThrottleLimit()
    {
        var running = 0;
        var mostAtOnce = 0;
        var searcher = new ScriptedSearcher(async (_, _, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(30, token);
            Interlocked.Decrement(ref running);
        });

        var events = await RunAsync(Request(10) with { ThrottleLimit = 3 }, searcher);

        Assert.Equal(3, mostAtOnce);
        Assert.Equal(10, events.OfType<ClusterSearched>().Count());
    }

    [Fact]
    public async Task OneClustersFailureIsReportedOnceAndTheOthersFinish()
    {
        var searcher = new ScriptedSearcher(async (cluster, events, token) =>
        {
            await events.FoundAsync(Pod(cluster.Name), token);
            if (cluster.Name == "c2")
            {
                throw new KubeFleetException(ConnectionErrorIds.ConnectionRefused, ErrorKind.ConnectionError, "refused", cluster.Name);
            }
        });

        var events = await RunAsync(Request(3), searcher);

        var failure = Assert.Single(events.OfType<SearchFailed>()).Error;
        Assert.Equal("c2", failure.Target);
        Assert.Equal(
            [new ClusterSearched("c1", 1, 0), new ClusterSearched("c2", 1, 1), new ClusterSearched("c3", 1, 0)],
            events.OfType<ClusterSearched>().OrderBy(done => done.Cluster, StringComparer.Ordinal));
        Assert.Equal(3, events.OfType<ResourceFound>().Count());
    }

    [Fact]
    public async Task AClusterThatTakesTooLongTimesOutAlone()
    {
        var searcher = new ScriptedSearcher(async (cluster, events, token) =>
        {
            await events.FoundAsync(Pod(cluster.Name), token);
            if (cluster.Name == "c1")
            {
                await Task.Delay(Timeout.Infinite, token);
            }
        });

        var events = await RunAsync(Request(2) with { ClusterTimeout = TimeSpan.FromMilliseconds(300) }, searcher);

        var failure = Assert.Single(events.OfType<SearchFailed>()).Error;
        Assert.Equal(ConnectionErrorIds.Timeout, failure.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, failure.Kind);
        Assert.Equal("c1", failure.Target);
        Assert.Contains("0.3 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, events.OfType<ResourceFound>().Count());
        Assert.Equal(2, events.OfType<ClusterSearched>().Count());
    }

    [Fact]
    public async Task HavingEnoughResultsStopsTheOtherClustersSearches()
    {
        var slowStopped = new TaskCompletionSource();
        var searcher = new ScriptedSearcher(async (cluster, events, token) =>
        {
            if (cluster.Name == "c1")
            {
                for (var index = 0; index < 5; index++)
                {
                    await events.FoundAsync(Pod($"c1-{index}"), token);
                }

                return;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                slowStopped.SetResult();
            }
        });

        var events = await RunAsync(Request(2) with { First = 2 }, searcher);

        Assert.Equal(2, events.OfType<ResourceFound>().Count());
        Assert.True(slowStopped.Task.IsCompleted, "The other cluster's search was still running when the enumeration ended.");
    }

    [Fact]
    public async Task CancellingStopsEverySearchAndDeliversNothingMore()
    {
        var stopped = 0;
        var searcher = new ScriptedSearcher(async (cluster, events, token) =>
        {
            try
            {
                await events.FoundAsync(Pod(cluster.Name), token);
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                Interlocked.Increment(ref stopped);
            }
        });
        using var cancel = new CancellationTokenSource();
        var delivered = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            // Every search has started once each cluster has delivered; the stop must then end all four.
            await foreach (var searchEvent in FleetSearch.RunAsync(SearchPlan.Create(Request(4)), searcher, cancel.Token))
            {
                if (++delivered == 4)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(4, delivered);
        Assert.Equal(4, stopped);
    }

    [Fact]
    public async Task ABugIsNotTakenForAClusterFailure()
    {
        var searcher = new ScriptedSearcher((cluster, _, _) =>
            cluster.Name == "c2" ? throw new InvalidOperationException("a bug") : Task.CompletedTask);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(Request(3), searcher));

        Assert.Equal("a bug", failure.Message);
    }

    [Fact]
    public async Task WhatOnlyTheWholeFleetCanTellComesLast()
    {
        var conclusion = new SearchFailed(new KubeFleetException(SearchErrorIds.ResourceTypeUnknown, ErrorKind.ObjectNotFound, "no such kind", "widgets"));
        var searcher = new ScriptedSearcher((cluster, events, token) => events.FoundAsync(Pod(cluster.Name), token).AsTask(), [conclusion]);

        var events = await RunAsync(Request(3), searcher);

        Assert.Same(conclusion, events[^1]);
    }

    [Fact]
    public async Task AnOrderedSearchHoldsItsResultsToTheEndAndReportsProgressMeanwhile()
    {
        var searcher = new ScriptedSearcher(async (cluster, events, token) =>
        {
            await events.FoundAsync(Pod($"{cluster.Name}-b"), token);
            await events.FoundAsync(Pod($"{cluster.Name}-a"), token);
            await events.NoteAsync("noted", token);
        });

        var events = await RunAsync(Request(2) with { Query = "kind = 'Pod' order by name" }, searcher);

        var firstResult = events.FindIndex(searchEvent => searchEvent is ResourceFound);
        Assert.True(firstResult > events.FindLastIndex(searchEvent => searchEvent is ClusterSearched or SearchNote));
        Assert.Equal(["c1-a", "c1-b", "c2-a", "c2-b"], events.OfType<ResourceFound>().Select(found => found.Resource.Name));
        Assert.Equal([2L, 2L], events.OfType<ClusterSearched>().Select(done => done.Found));
    }

    [Fact]
    public async Task AskingForNothingAsksNoCluster()
    {
        var searcher = new ScriptedSearcher((_, _, _) => throw new InvalidOperationException("No cluster should have been searched."));

        var none = await RunAsync(Request(2) with { First = 0 }, searcher);
        var contradiction = await RunAsync(Request(2) with { Query = "namespace = 'a' and namespace = 'b'" }, searcher);

        Assert.Empty(none);
        Assert.IsType<SearchNote>(Assert.Single(contradiction));
    }

    private static SearchRequest Request(int clusters) => new()
    {
        Clusters = Enumerable.Range(1, clusters)
            .Select(index => new SearchTarget($"c{index}", new ClusterAccess { Server = new Uri($"https://c{index}.example.com"), Credential = new AnonymousCredential() }))
            .ToList(),
    };

    private static ClusterResource Pod(string name) => TestResources.Of("", "Pod", $$$"""{"metadata":{"name":"{{{name}}}","namespace":"shop"}}""");

    private static async Task<List<SearchEvent>> RunAsync(SearchRequest request, ScriptedSearcher searcher)
    {
        using var patience = new CancellationTokenSource(Patience);
        var events = new List<SearchEvent>();
        await foreach (var searchEvent in FleetSearch.RunAsync(SearchPlan.Create(request), searcher, patience.Token))
        {
            events.Add(searchEvent);
        }

        return events;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>A cluster search that does what each test says, in place of reading real clusters.</summary>
    private sealed class ScriptedSearcher(Func<SearchTarget, ClusterEvents, CancellationToken, Task> search, IReadOnlyList<SearchEvent>? conclusions = null) : IClusterSearcher
    {
        public Task SearchAsync(SearchTarget cluster, ClusterEvents events, CancellationToken cancellationToken) => search(cluster, events, cancellationToken);

        public IEnumerable<SearchEvent> Conclude() => conclusions ?? [];
    }
}
