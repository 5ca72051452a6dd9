namespace KubeFleet.Engine.Search.Lists;

/// <summary>Reads the items of one list response as its body arrives.</summary>
internal sealed class ListReader : IDisposable
{
    private readonly Stream _content;
    private readonly ListDecoder _decoder;

    public ListReader(Stream content, ListItemType itemType)
    {
        _content = content;
        _decoder = new ListDecoder(itemType);
    }

    /// <summary>The list's metadata; complete once <see cref="HasMetadata"/> is true or <see cref="ReadAsync"/> has returned null.</summary>
    public ListMetadata Metadata => _decoder.Metadata;

    /// <summary>True once the list's metadata has been read: before the first item of a typed list.</summary>
    public bool HasMetadata => _decoder.HasMetadata;

    /// <summary>
    /// The next item, or null at the end of the list. Malformed JSON throws
    /// <see cref="System.Text.Json.JsonException"/>; a broken connection throws what the stream throws.
    /// </summary>
    public async ValueTask<ListItem?> ReadAsync(CancellationToken cancellationToken)
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

            var read = await _content.ReadAsync(_decoder.GetMemory(), cancellationToken).ConfigureAwait(false);
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

    public void Dispose() => _decoder.Dispose();
}
