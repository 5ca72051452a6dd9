using System.Runtime.CompilerServices;
using System.Threading.Channels;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search;

/// <summary>
/// Searches a fleet live. Clusters are searched concurrently (at most the plan's throttle limit
/// at once); what they find flows through a bounded channel to the one consumer as it arrives, so
/// the first results come before the slowest cluster answers and memory stays flat however much
/// is found. One cluster's failure never stops the others.
/// </summary>
/// <example>
/// <code>
/// var plan = SearchPlan.Create(request);             // throws on a bad selector, query or pattern
/// await foreach (var found in search.RunAsync(plan, token))
/// {
///     switch (found) { case ResourceFound r: …; case SearchFailed f: …; case ClusterSearched c: …; case SearchNote n: …; }
/// }
/// </code>
/// </example>
public sealed class FleetSearch
{
    /// <summary>
    /// Events waiting for the consumer. When it falls behind, clusters wait instead of piling up
    /// results. Results travel in small batches, so a few dozen objects wait here at most: every
    /// object in flight survives the next collection, and the copy costs more than the wait.
    /// </summary>
    private const int ChannelCapacity = 4;

    private readonly ClusterConnectionPool _connections;
    private readonly DiscoveryCache _discovery;

    public FleetSearch(ClusterConnectionPool connections, DiscoveryCache discovery)
    {
        _connections = connections;
        _discovery = discovery;
    }

    /// <summary>
    /// Runs the search. Stopping the enumeration (having enough results, or cancelling the token)
    /// stops every outstanding request. Ordered queries yield their results at the end, sorted;
    /// everything else is yielded as it happens. Each searched cluster reports
    /// <see cref="ClusterSearched"/> once, after its results and failures.
    /// </summary>
    public IAsyncEnumerable<SearchEvent> RunAsync(SearchPlan plan, CancellationToken cancellationToken = default) =>
        RunAsync(plan, new ClusterSearcher(plan, _connections, _discovery), cancellationToken);

    internal static async IAsyncEnumerable<SearchEvent> RunAsync(SearchPlan plan, IClusterSearcher searcher, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (plan.MatchesNothing)
        {
            if (plan.Request.First != 0)
            {
                yield return new SearchNote(null, "The kinds, namespaces or clusters the search allows contradict each other, so nothing can match; no cluster was asked.");
            }

            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<SearchEvent>(new BoundedChannelOptions(ChannelCapacity) { SingleReader = true });
        var producer = Task.Run(() => ProduceAsync(plan, searcher, channel.Writer, stop.Token), CancellationToken.None);
        var order = plan.Query is { OrderBy.Count: > 0 } query ? query.RowComparer : null;
        var window = new ResultWindow(order, plan.Request.Skip, plan.Request.First);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var searchEvent))
                {
                    // Events already waiting are not delivered after a stop was asked for.
                    cancellationToken.ThrowIfCancellationRequested();
                    IReadOnlyList<ClusterResource>? found = searchEvent switch
                    {
                        ResourcesFound batch => batch.Resources,
                        ResourceFound one => [one.Resource],
                        _ => null,
                    };
                    if (found is null)
                    {
                        yield return searchEvent;
                        continue;
                    }

                    foreach (var resource in found)
                    {
                        if (window.Orders)
                        {
                            window.Hold(resource);
                            continue;
                        }

                        if (!window.TryPass())
                        {
                            continue;
                        }

                        yield return searchEvent is ResourceFound single ? single : new ResourceFound(resource);
                        if (window.IsFull)
                        {
                            yield break;
                        }

                        // A stop asked for while a batch is handed on takes effect before its next item.
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }

            foreach (var resource in window.Release())
            {
                yield return new ResourceFound(resource);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>Searches every cluster, then says what only the whole fleet can tell; completes the channel, with the failure if one escaped.</summary>
    private static async Task ProduceAsync(SearchPlan plan, IClusterSearcher searcher, ChannelWriter<SearchEvent> channel, CancellationToken stop)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = plan.Request.ThrottleLimit, CancellationToken = stop };
            await Parallel.ForEachAsync(plan.Clusters, options, async (cluster, token) =>
                await SearchClusterAsync(plan, searcher, cluster, channel, token).ConfigureAwait(false)).ConfigureAwait(false);
            foreach (var conclusion in searcher.Conclude())
            {
                await channel.WriteAsync(conclusion, stop).ConfigureAwait(false);
            }

            channel.Complete();
        }
        catch (Exception failure)
        {
            channel.Complete(stop.IsCancellationRequested ? null : failure);
        }
    }

    private static async Task SearchClusterAsync(SearchPlan plan, IClusterSearcher searcher, SearchTarget cluster, ChannelWriter<SearchEvent> channel, CancellationToken stop)
    {
        var events = new ClusterEvents(cluster.Name, channel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (plan.Request.ClusterTimeout is { } timeout)
        {
            deadline.CancelAfter(timeout);
        }

        try
        {
            await searcher.SearchAsync(cluster, events, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is OperationCanceledException or KubeFleetException && deadline.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            await events.FailedAsync(TimedOut(cluster.Name, plan.Request.ClusterTimeout!.Value, failure), stop).ConfigureAwait(false);
        }
        catch (KubeFleetException failure) when (!stop.IsCancellationRequested)
        {
            await events.FailedAsync(failure, stop).ConfigureAwait(false);
        }

        await channel.WriteAsync(events.Completed(), stop).ConfigureAwait(false);
    }

    private static KubeFleetException TimedOut(string cluster, TimeSpan timeout, Exception inner) => new(
        ConnectionErrorIds.Timeout,
        ErrorKind.OperationTimeout,
        $"Cluster '{cluster}' did not finish the search within {timeout.TotalSeconds:0.###} s; what it sent before is kept. Give it more time with a longer timeout, or narrow the search.",
        cluster,
        inner);
}
