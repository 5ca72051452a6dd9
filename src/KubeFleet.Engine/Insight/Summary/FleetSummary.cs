using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>
/// Summarizes many clusters at once, each within its own time limit, and hands each outcome over as
/// soon as it is known, so a slow or dead cluster delays nobody else's summary.
/// </summary>
public sealed class FleetSummary
{
    /// <summary>How many clusters are summarized at once; the rest wait for a free slot.</summary>
    public const int MaxParallelClusters = 16;

    private readonly ClusterConnectionPool connections;
    private readonly ClusterSummaryReader reader;

    public FleetSummary(ClusterConnectionPool connections, ClusterSummaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(reader);
        this.connections = connections;
        this.reader = reader;
    }

    /// <param name="timeout">How long one cluster's summary may take; past it the cluster fails with ClusterTimeout.</param>
    /// <param name="onSummarized">Receives each outcome, from any thread, one cluster at a time.</param>
    public Task ReadAsync(IReadOnlyList<SearchTarget> clusters, TimeSpan timeout, Func<SummaryOutcome, ValueTask> onSummarized, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(onSummarized);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelClusters, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(clusters, options, async (cluster, token) =>
            await onSummarized(await SummarizeAsync(cluster, timeout, token).ConfigureAwait(false)).ConfigureAwait(false));
    }

    private async Task<SummaryOutcome> SummarizeAsync(SearchTarget cluster, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var summary = await reader.ReadAsync(connections.Get(cluster.Name, cluster.Access), deadline.Token).ConfigureAwait(false);
            return new SummaryOutcome(cluster.Name, summary, null);
        }
        catch (Exception failure) when (failure is OperationCanceledException or KubeFleetException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new SummaryOutcome(cluster.Name, null, new KubeFleetException(
                ConnectionErrorIds.Timeout,
                ErrorKind.OperationTimeout,
                $"Cluster '{cluster.Name}' was not summarized within {timeout.TotalSeconds:0.###} s. Give it more time with -TimeoutSec, or count fewer kinds with -Kind.",
                cluster.Name,
                failure));
        }
        catch (KubeFleetException failure) when (!cancellationToken.IsCancellationRequested)
        {
            return new SummaryOutcome(cluster.Name, null, failure);
        }
    }
}
