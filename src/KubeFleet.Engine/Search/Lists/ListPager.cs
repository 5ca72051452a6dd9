using System.Runtime.CompilerServices;
using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// Reads a whole list page by page (<c>limit</c> and <c>continue</c>), each page decoded as it
/// arrives. When a continue token has expired (410 on a later page), it falls back as client-go's
/// pager does to one list without paging, and skips what the earlier pages already gave.
/// </summary>
internal sealed class ListPager
{
    private readonly ClusterConnection _connection;
    private readonly ListRequest _request;
    private readonly int _pageSize;

    /// <param name="pageSize">Items per page; 0 reads the list in one response.</param>
    public ListPager(ClusterConnection connection, ListRequest request, int pageSize)
    {
        _connection = connection;
        _request = request;
        _pageSize = pageSize;
    }

    /// <summary>
    /// Every item of the list, in the server's order. <paramref name="onContinueExpired"/> runs when
    /// the pager falls back to a full list, before the rest of the items.
    /// </summary>
    public async IAsyncEnumerable<ListItem> ReadAllAsync(Func<ValueTask> onContinueExpired, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continueToken = null;
        string? lastKey = null;
        do
        {
            var pathAndQuery = _request.PathAndQuery(_pageSize, continueToken);
            using var response = await SendAsync(pathAndQuery, continueToken is not null, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                await onContinueExpired().ConfigureAwait(false);
                await foreach (var item in ReadRestAsync(lastKey, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                yield break;
            }

            using var reader = new ListReader(response.Content, _request.ItemType);
            while (await ReadItemAsync(reader, pathAndQuery, cancellationToken).ConfigureAwait(false) is { } item)
            {
                lastKey = item.Metadata.ListKey;
                yield return item;
            }

            continueToken = reader.Metadata.Continue;
        }
        while (continueToken is not null);
    }

    /// <summary>
    /// The items after <paramref name="lastKey"/> from one unpaged list. Servers return lists in
    /// key order (namespace/name, byte-wise), so everything up to the last key was given already.
    /// </summary>
    private async IAsyncEnumerable<ListItem> ReadRestAsync(string? lastKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pathAndQuery = _request.PathAndQuery(0, null);
        using var response = await SendAsync(pathAndQuery, continuing: false, cancellationToken).ConfigureAwait(false);
        using var reader = new ListReader(response!.Content, _request.ItemType);
        while (await ReadItemAsync(reader, pathAndQuery, cancellationToken).ConfigureAwait(false) is { } item)
        {
            if (lastKey is null || string.CompareOrdinal(item.Metadata.ListKey, lastKey) > 0)
            {
                yield return item;
            }
        }
    }

    /// <summary>Sends a list request; null when a continue token has expired.</summary>
    private async Task<ClusterResponse?> SendAsync(string pathAndQuery, bool continuing, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.SendAsync(ClusterRequest.Get(pathAndQuery), cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException expired) when (continuing && expired.StatusCode == 410)
        {
            return null;
        }
    }

    private async ValueTask<ListItem?> ReadItemAsync(ListReader reader, string pathAndQuery, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ListTruncatedException truncated)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ConnectionFailed,
                ErrorKind.ConnectionError,
                $"The answer of cluster '{_connection.ClusterName}' to GET {pathAndQuery} ended before the list was complete; the connection was probably cut. What arrived before is kept. Try again.",
                _connection.ClusterName,
                truncated);
        }
        catch (JsonException malformed)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ResponseInvalid,
                ErrorKind.InvalidData,
                $"Cluster '{_connection.ClusterName}' answered GET {pathAndQuery} with a list that cannot be read ({malformed.Message}). Check that the address is a Kubernetes API server and not a proxy in between.",
                _connection.ClusterName,
                malformed);
        }
    }
}
