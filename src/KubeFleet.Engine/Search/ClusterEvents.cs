using System.Threading.Channels;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search;

/// <summary>Where one cluster's search reports what it finds; it counts what it reports for <see cref="ClusterSearched"/>.</summary>
internal sealed class ClusterEvents(string cluster, ChannelWriter<SearchEvent> channel)
{
    private long _found;
    private int _failures;

    public string Cluster => cluster;

    public ValueTask FoundAsync(ClusterResource resource, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _found);
        return channel.WriteAsync(new ResourceFound(resource), cancellationToken);
    }

    /// <summary>Sends a batch of matches as one event; returns an empty list for the next batch.</summary>
    public async ValueTask<List<ClusterResource>> FoundAsync(List<ClusterResource> batch, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _found, batch.Count);
        await channel.WriteAsync(new ResourcesFound(batch), cancellationToken).ConfigureAwait(false);
        return new List<ClusterResource>(batch.Capacity);
    }

    public ValueTask FailedAsync(KubeFleetException failure, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _failures);
        return channel.WriteAsync(new SearchFailed(failure), cancellationToken);
    }

    public ValueTask NoteAsync(string message, CancellationToken cancellationToken) =>
        channel.WriteAsync(new SearchNote(cluster, message), cancellationToken);

    /// <summary>Passes on an event made elsewhere, e.g. a note about another cluster.</summary>
    public ValueTask WriteAsync(SearchEvent searchEvent, CancellationToken cancellationToken) =>
        channel.WriteAsync(searchEvent, cancellationToken);

    public ClusterSearched Completed() => new(cluster, Interlocked.Read(ref _found), Volatile.Read(ref _failures));
}
