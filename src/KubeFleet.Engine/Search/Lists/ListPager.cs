using System.Runtime.CompilerServices;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// Reads a whole list page by page (<c>limit</c> and <c>continue</c>), each page decoded as it
/// arrives. The next page is asked for as soon as the current one's continue token has been read,
/// which typed lists send before their items: its round trip passes while the current page is read,
/// rather than adding up page after page. When a continue token has expired (410 on a later page),
/// it falls back as client-go's pager does to one list without paging, and skips what the earlier
/// pages already gave.
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
        string? lastKey = null;
        PageRequest? next = new(this, continueToken: null, cancellationToken);
        try
        {
            while (next is not null)
            {
                await using var page = next;
                next = null;
                using var response = await page.ResponseAsync().ConfigureAwait(false);
                if (response is null)
                {
                    await onContinueExpired().ConfigureAwait(false);
                    await foreach (var item in ReadRestAsync(lastKey, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }

                    yield break;
                }

                using var reader = new ListReader(response, _request.ItemType);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } item)
                {
                    lastKey = item.Metadata.ListKey;
                    if (next is null && reader.HasMetadata && reader.Metadata.Continue is { } early)
                    {
                        next = new PageRequest(this, early, cancellationToken);
                    }

                    yield return item;
                }

                if (next is null && reader.Metadata.Continue is { } late)
                {
                    next = new PageRequest(this, late, cancellationToken);
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                await next.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The items after <paramref name="lastKey"/> from one unpaged list. Servers return lists in
    /// key order (namespace/name, byte-wise), so everything up to the last key was given already.
    /// </summary>
    private async IAsyncEnumerable<ListItem> ReadRestAsync(string? lastKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pathAndQuery = _request.PathAndQuery(0, null);
        using var response = await SendAsync(pathAndQuery, continuing: false, cancellationToken).ConfigureAwait(false);
        using var reader = new ListReader(response!, _request.ItemType);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } item)
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

    /// <summary>
    /// One page's request, sent when made. Until its response is taken it can be abandoned: the
    /// request is cancelled and whatever answer came is disposed, so nothing is left running when a
    /// search stops part-way.
    /// </summary>
    private sealed class PageRequest : IAsyncDisposable
    {
        private readonly CancellationTokenSource _abandon;
        private readonly Task<ClusterResponse?> _response;
        private bool _taken;

        public PageRequest(ListPager pager, string? continueToken, CancellationToken cancellationToken)
        {
            PathAndQuery = pager._request.PathAndQuery(pager._pageSize, continueToken);
            _abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _response = pager.SendAsync(PathAndQuery, continueToken is not null, _abandon.Token);
        }

        public string PathAndQuery { get; }

        /// <summary>The response (null when the continue token has expired), from then on the caller's to dispose.</summary>
        public async Task<ClusterResponse?> ResponseAsync()
        {
            var response = await _response.ConfigureAwait(false);
            _taken = true;
            return response;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_taken)
            {
                await _abandon.CancelAsync().ConfigureAwait(false);
                try
                {
                    (await _response.ConfigureAwait(false))?.Dispose();
                }
                catch (Exception abandoned) when (abandoned is OperationCanceledException or KubeFleetException)
                {
                    // Nobody waits for this page any more: what stopped the search is reported elsewhere.
                }
            }

            _abandon.Dispose();
        }
    }
}
