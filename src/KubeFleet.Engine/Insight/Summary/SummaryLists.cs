using System.Collections.Concurrent;
using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>
/// The lists of one cluster a summary reads. Each answers null, and adds a warning, when the
/// cluster does not serve the resource or the list fails; only stopping the command is thrown.
/// </summary>
internal sealed class SummaryLists(ClusterConnection connection, ConcurrentQueue<string> warnings, CancellationToken cancellationToken)
{
    private const int PageSize = 500;

    /// <summary>Adds every object of the list to a tally.</summary>
    public Task<TTally?> TallyAsync<TTally>(ApiResource? resource, TTally tally, Action<TTally, JsonElement> add)
        where TTally : class =>
        GuardAsync<TTally>(resource, async served =>
        {
            await foreach (var item in Pager(served).ConfigureAwait(false))
            {
                using var document = JsonDocument.Parse(item.Json);
                add(tally, document.RootElement);
            }
            return tally;
        });

    /// <summary>
    /// How many objects there are. One object is read and the server's <c>remainingItemCount</c>
    /// gives the rest; a server that does not say is paged through.
    /// </summary>
    public Task<long?> CountAsync(ApiResource? resource) =>
        GuardAsync<long?>(resource, async served =>
        {
            var request = new ListRequest(served, null, null, null);
            var pathAndQuery = request.PathAndQuery(1, null);
            var response = await connection.SendAsync(ClusterRequest.Get(pathAndQuery), cancellationToken).ConfigureAwait(false);
            using (response)
            using (var reader = new ListReader(response, request.ItemType))
            {
                long read = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not null)
                    read++;
                if (reader.Metadata.Continue is null)
                    return read;
                if (reader.Metadata.RemainingItemCount is { } remaining)
                    return read + remaining;
            }
            long count = 0;
            await foreach (var _ in Pager(served).ConfigureAwait(false))
                count++;
            return count;
        });

    /// <summary>The names of every object of the list, in the server's order.</summary>
    public Task<IReadOnlyList<string>?> NamesAsync(ApiResource? resource) =>
        GuardAsync<IReadOnlyList<string>?>(resource, async served =>
        {
            var names = new List<string>();
            await foreach (var item in Pager(served).ConfigureAwait(false))
                names.Add(item.Metadata.Name);
            return names;
        });

    private IAsyncEnumerable<ListItem> Pager(ApiResource resource) =>
        new ListPager(connection, new ListRequest(resource, null, null, null), PageSize).ReadAllAsync(() => ValueTask.CompletedTask, cancellationToken);

    private async Task<TResult?> GuardAsync<TResult>(ApiResource? resource, Func<ApiResource, Task<TResult>> read)
    {
        if (resource is null)
            return default;
        try
        {
            return await read(resource).ConfigureAwait(false);
        }
        catch (KubeFleetException failure) when (!cancellationToken.IsCancellationRequested)
        {
            warnings.Enqueue($"The summary of cluster '{connection.ClusterName}' lacks {resource.QualifiedName}: {failure.Message}");
            return default;
        }
    }
}
