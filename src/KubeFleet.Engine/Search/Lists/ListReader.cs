using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// Reads the items of one list response as its body arrives. A body cut short or that is not a
/// list is reported as the cluster's failure, naming the request.
/// </summary>
internal sealed class ListReader : IDisposable
{
    private readonly ClusterResponse _response;
    private readonly ListDecoder _decoder;

    public ListReader(ClusterResponse response, ListItemType itemType)
    {
        _response = response;
        _decoder = new ListDecoder(itemType);
    }

    /// <summary>The list's metadata; complete once <see cref="HasMetadata"/> is true or <see cref="ReadAsync"/> has returned null.</summary>
    public ListMetadata Metadata => _decoder.Metadata;

    /// <summary>True once the list's metadata has been read: before the first item of a typed list.</summary>
    public bool HasMetadata => _decoder.HasMetadata;

    /// <summary>
    /// The next item, or null at the end of the list. A broken connection throws what the stream
    /// throws; a body cut short or malformed throws a <see cref="KubeFleetException"/>.
    /// </summary>
    public async ValueTask<ListItem?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await DecodeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ListTruncatedException truncated)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ConnectionFailed,
                ErrorKind.ConnectionError,
                $"The answer of cluster '{_response.ClusterName}' to {_response.Request} ended before the list was complete; the connection was probably cut. What arrived before is kept. Try again.",
                _response.ClusterName,
                truncated);
        }
        catch (JsonException malformed)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ResponseInvalid,
                ErrorKind.InvalidData,
                $"Cluster '{_response.ClusterName}' answered {_response.Request} with a list that cannot be read ({malformed.Message}). Check that the address is a Kubernetes API server and not a proxy in between.",
                _response.ClusterName,
                malformed);
        }
    }

    public void Dispose() => _decoder.Dispose();

    private async ValueTask<ListItem?> DecodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_decoder.TryDecodeItem(out var item))
            {
                return item;
            }

            if (_decoder.IsComplete)
            {
                return null;
            }

            var read = await _response.Content.ReadAsync(_decoder.GetMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _decoder.CompleteInput();
            }
            else
            {
                _decoder.Advance(read);
            }
        }
    }
}
