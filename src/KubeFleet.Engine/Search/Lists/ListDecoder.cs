using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// Decodes a Kubernetes list (<c>{"kind":"PodList","metadata":{…},"items":[…]}</c>) as its bytes
/// arrive. A <see cref="Utf8JsonReader"/> over a pooled buffer walks the list and each item's
/// metadata; every other object or array (spec, status, managed fields) is stepped over by a
/// <see cref="JsonValueSkipper"/>, which checks its brackets and strings but not the tokens between
/// them. An item is copied out once, as it completes. The buffer holds the item in progress and what
/// has arrived after it, never the whole body, and grows only for an item larger than itself.
/// </summary>
/// <remarks>
/// Feed it like a pipe: write into <see cref="GetMemory"/>, call <see cref="Advance"/>, then take
/// items with <see cref="TryDecodeItem"/> until it returns false; call <see cref="CompleteInput"/>
/// when the body ends. The reader stops at token boundaries and resumes from
/// <see cref="JsonReaderState"/>, so the state machine below works token by token, whatever the
/// chunking. A skipped value is handed back to the reader at its closing bracket, in the state the
/// reader left after the opening one, so to the reader it is an empty object or array. Malformed
/// input throws <see cref="JsonException"/>.
/// <para>
/// The methods that run per token are compiled fully optimized at once. A search is usually its
/// process's first, and on a busy machine the tiered JIT took seconds to replace their first,
/// instrumented code, which counted every branch taken (docs/benchmarks.md).
/// </para>
/// </remarks>
internal sealed class ListDecoder : IDisposable
{
    public const int DefaultBufferSize = 128 * 1024;

    /// <summary>
    /// etcd refuses objects over 1.5 MiB, so anything near this limit is not an object from an API
    /// server; the limit keeps a runaway body from taking all memory.
    /// </summary>
    public const int DefaultMaxItemBytes = 64 * 1024 * 1024;

    private const int MinimumReadSize = 16 * 1024;

    /// <summary>
    /// How deep objects may nest. The reader's default of 64 is too shallow for custom resource
    /// definitions, whose schemas nest deeply; Go's decoder allows 10,000.
    /// </summary>
    public const int MaxDepth = 1024;

    private readonly ListItemType _itemType;
    private readonly int _maxItemBytes;
    private byte[] _buffer;
    private int _scanned;
    private int _end;
    private bool _inputComplete;
    private JsonReaderState _readerState = new(new JsonReaderOptions { MaxDepth = MaxDepth });

    private Context _context = Context.Start;
    private Member _member;
    private JsonValueSkipper _skipper;
    private Context _skipReturn;
    private bool _atSkippedClose;

    private string? _listResourceVersion;
    private string? _listContinue;
    private long? _listRemainingItemCount;

    private int _itemStart = -1;
    private bool _itemHasKind;
    private bool _itemHasApiVersion;
    private MetadataBuilder _metadata = new();
    private string? _entryKey;
    private OwnerReferenceBuilder _owner = new();

    public ListDecoder(ListItemType itemType, int bufferSize = DefaultBufferSize, int maxItemBytes = DefaultMaxItemBytes)
    {
        _itemType = itemType;
        _maxItemBytes = maxItemBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 2 * MinimumReadSize));
    }

    private enum Context
    {
        Start,
        Root,
        ListMetadata,
        Items,
        Item,
        ItemMetadata,
        Labels,
        Annotations,
        OwnerReferences,
        OwnerReference,
        Skip,
        Done,
    }

    /// <summary>The member whose value the next token is, in the current context.</summary>
    private enum Member
    {
        Other,
        Items,
        Metadata,
        Kind,
        ApiVersion,
        Name,
        Namespace,
        Uid,
        ResourceVersion,
        CreationTimestamp,
        DeletionTimestamp,
        Labels,
        Annotations,
        OwnerReferences,
        Controller,
        BlockOwnerDeletion,
        Continue,
        RemainingItemCount,
    }

    /// <summary>True once the list's closing brace has been read.</summary>
    public bool IsComplete => _context == Context.Done;

    /// <summary>
    /// The list's own metadata. Typed lists send it before their items, unstructured ones (custom
    /// resources) after them, so it is complete once <see cref="HasMetadata"/> or <see cref="IsComplete"/> is.
    /// </summary>
    public ListMetadata Metadata => new(_listResourceVersion, _listContinue, _listRemainingItemCount);

    /// <summary>True once the list's own metadata has been read, whether before or after its items.</summary>
    public bool HasMetadata { get; private set; }

    /// <summary>Space to write the next bytes of the body into; commit them with <see cref="Advance"/>.</summary>
    public Memory<byte> GetMemory()
    {
        if (_buffer.Length - _end < MinimumReadSize)
        {
            MakeRoom();
        }

        return _buffer.AsMemory(_end);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _end);
        _end += count;
    }

    /// <summary>Says that the body has ended: what is left must finish the list.</summary>
    public void CompleteInput() => _inputComplete = true;

    /// <summary>
    /// Decodes up to the end of the next item. False when the bytes given so far hold no further
    /// complete item (write more) or the list is complete.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDecodeItem([NotNullWhen(true)] out ListItem? item)
    {
        item = null;
        while (_context != Context.Done && (_context != Context.Skip || SkipValue()))
        {
            if (ReadTokens(out item) || _context != Context.Skip)
            {
                break;
            }
        }

        if (item is null && _inputComplete && _context != Context.Done)
        {
            throw new ListTruncatedException();
        }

        return item is not null;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads tokens until an item completes (true), a value is to be skipped, the list ends, or the
    /// bytes given so far run out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadTokens([NotNullWhen(true)] out ListItem? item)
    {
        item = null;

        // Never a final block: the list's closing brace ends it, and the end of input without that
        // brace is reported in words a user understands.
        var reader = new Utf8JsonReader(_buffer.AsSpan(_scanned, _end - _scanned), isFinalBlock: false, _readerState);
        try
        {
            while (item is null && _context is not (Context.Done or Context.Skip) && reader.Read())
            {
                item = Process(ref reader);
            }
        }
        catch (InvalidOperationException notText) when (notText.InnerException is System.Text.DecoderFallbackException)
        {
            // The reader checks UTF-8 only when a string is read; bytes that are not text are a malformed body all the same.
            throw new JsonException("The body is not valid UTF-8 text.", notText);
        }

        _scanned += (int)reader.BytesConsumed;
        _readerState = reader.CurrentState;
        return item is not null;
    }

    /// <summary>
    /// Steps over the rest of the value being skipped; true when its closing bracket is next, for
    /// the reader to read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SkipValue()
    {
        if (!_skipper.TrySkip(_buffer.AsSpan(0, _end), ref _scanned))
        {
            return false;
        }

        _context = _skipReturn;
        _atSkippedClose = true;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ListItem? Process(ref Utf8JsonReader reader)
    {
        var token = reader.TokenType;
        if (_atSkippedClose)
        {
            _atSkippedClose = false;
            return null;
        }

        if (token == JsonTokenType.PropertyName)
        {
            _member = NameMember(ref reader);
            return null;
        }

        if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            return Close(ref reader);
        }

        var member = _member;
        _member = Member.Other;
        switch (_context)
        {
            case Context.Start:
                if (token != JsonTokenType.StartObject)
                {
                    throw new JsonException($"Expected a list (a JSON object), found {Describe(token)}.");
                }

                _context = Context.Root;
                return null;
            case Context.Root when member == Member.Items && token == JsonTokenType.StartArray:
                _context = Context.Items;
                return null;
            case Context.Root when member == Member.Metadata && token == JsonTokenType.StartObject:
                _context = Context.ListMetadata;
                return null;
            case Context.ListMetadata:
                ReadListMetadata(ref reader, member);
                break;
            case Context.Items:
                OpenItem(ref reader);
                return null;
            case Context.Item when member == Member.Metadata && token == JsonTokenType.StartObject:
                _context = Context.ItemMetadata;
                return null;
            case Context.Item when member == Member.Kind:
                _itemHasKind = true;
                break;
            case Context.Item when member == Member.ApiVersion:
                _itemHasApiVersion = true;
                break;
            case Context.ItemMetadata:
                if (ReadItemMetadata(ref reader, member))
                {
                    return null;
                }

                break;
            case Context.Labels or Context.Annotations when token == JsonTokenType.String:
                AddEntry(ref reader);
                return null;
            case Context.OwnerReferences when token == JsonTokenType.StartObject:
                _owner = new OwnerReferenceBuilder();
                _context = Context.OwnerReference;
                return null;
            case Context.OwnerReference:
                _owner.Read(ref reader, member);
                break;
        }

        // Most of an object (spec, status, managed fields) is stepped over, by the skipper.
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _skipper = new JsonValueSkipper();
            _skipReturn = _context;
            _context = Context.Skip;
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Member NameMember(ref Utf8JsonReader reader)
    {
        switch (_context)
        {
            case Context.Root:
                return reader.ValueTextEquals("items"u8) ? Member.Items
                    : reader.ValueTextEquals("metadata"u8) ? Member.Metadata
                    : Member.Other;
            case Context.ListMetadata:
                return reader.ValueTextEquals("resourceVersion"u8) ? Member.ResourceVersion
                    : reader.ValueTextEquals("continue"u8) ? Member.Continue
                    : reader.ValueTextEquals("remainingItemCount"u8) ? Member.RemainingItemCount
                    : Member.Other;
            case Context.Item:
                return reader.ValueTextEquals("metadata"u8) ? Member.Metadata
                    : reader.ValueTextEquals("kind"u8) ? Member.Kind
                    : reader.ValueTextEquals("apiVersion"u8) ? Member.ApiVersion
                    : Member.Other;
            case Context.ItemMetadata:
                return reader.ValueTextEquals("name"u8) ? Member.Name
                    : reader.ValueTextEquals("namespace"u8) ? Member.Namespace
                    : reader.ValueTextEquals("uid"u8) ? Member.Uid
                    : reader.ValueTextEquals("resourceVersion"u8) ? Member.ResourceVersion
                    : reader.ValueTextEquals("creationTimestamp"u8) ? Member.CreationTimestamp
                    : reader.ValueTextEquals("deletionTimestamp"u8) ? Member.DeletionTimestamp
                    : reader.ValueTextEquals("labels"u8) ? Member.Labels
                    : reader.ValueTextEquals("annotations"u8) ? Member.Annotations
                    : reader.ValueTextEquals("ownerReferences"u8) ? Member.OwnerReferences
                    : Member.Other;
            case Context.Labels or Context.Annotations:
                _entryKey = reader.GetString();
                return Member.Other;
            case Context.OwnerReference:
                return reader.ValueTextEquals("apiVersion"u8) ? Member.ApiVersion
                    : reader.ValueTextEquals("kind"u8) ? Member.Kind
                    : reader.ValueTextEquals("name"u8) ? Member.Name
                    : reader.ValueTextEquals("uid"u8) ? Member.Uid
                    : reader.ValueTextEquals("controller"u8) ? Member.Controller
                    : reader.ValueTextEquals("blockOwnerDeletion"u8) ? Member.BlockOwnerDeletion
                    : Member.Other;
            default:
                return Member.Other;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ListItem? Close(ref Utf8JsonReader reader)
    {
        switch (_context)
        {
            case Context.Root:
                _context = Context.Done;
                break;
            case Context.ListMetadata:
                HasMetadata = true;
                _context = Context.Root;
                break;
            case Context.Items:
                _context = Context.Root;
                break;
            case Context.Item:
                _context = Context.Items;
                return CloseItem(ref reader);
            case Context.ItemMetadata:
                _context = Context.Item;
                break;
            case Context.Labels or Context.Annotations or Context.OwnerReferences:
                _context = Context.ItemMetadata;
                break;
            case Context.OwnerReference:
                _metadata.OwnerReferences.Add(_owner.Build());
                _context = Context.OwnerReferences;
                break;
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OpenItem(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _itemStart = _scanned + (int)reader.TokenStartIndex;
                _itemHasKind = false;
                _itemHasApiVersion = false;
                _metadata = new MetadataBuilder();
                _context = Context.Item;
                break;
            case JsonTokenType.Null:
                break;
            default:
                throw new JsonException($"Expected each list item to be a JSON object, found {Describe(reader.TokenType)}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ListItem CloseItem(ref Utf8JsonReader reader)
    {
        var end = _scanned + (int)reader.BytesConsumed;
        if (end - _itemStart > _maxItemBytes)
        {
            throw TooLarge();
        }

        var json = CopyItem(_buffer.AsSpan(_itemStart, end - _itemStart));
        _itemStart = -1;
        return new ListItem(json, _metadata.Build());
    }

    // The copies are written whole, so they skip the zeroing of a new array, which took 7% of a
    // 100,000-object search's samples (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] CopyItem(ReadOnlySpan<byte> item)
    {
        if (_itemHasKind && _itemHasApiVersion)
        {
            var copy = GC.AllocateUninitializedArray<byte>(item.Length);
            item.CopyTo(copy);
            return copy;
        }

        var members = item[1..];
        var hasMembers = members.TrimStart(" \t\r\n"u8)[0] != (byte)'}';
        var kind = _itemHasKind ? [] : _itemType.KindMember;
        var apiVersion = _itemHasApiVersion ? [] : _itemType.ApiVersionMember;
        var separators = (kind.Length > 0 ? 1 : 0) + (apiVersion.Length > 0 ? 1 : 0) - (hasMembers ? 0 : 1);
        var json = GC.AllocateUninitializedArray<byte>(item.Length + kind.Length + apiVersion.Length + separators);
        var written = 0;
        Append(json, ref written, "{"u8);
        if (kind.Length > 0)
        {
            Append(json, ref written, kind);
            if (apiVersion.Length > 0 || hasMembers)
            {
                Append(json, ref written, ","u8);
            }
        }

        if (apiVersion.Length > 0)
        {
            Append(json, ref written, apiVersion);
            if (hasMembers)
            {
                Append(json, ref written, ","u8);
            }
        }

        Append(json, ref written, members);
        return json;
    }

    private static void Append(byte[] target, ref int written, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target.AsSpan(written));
        written += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadListMetadata(ref Utf8JsonReader reader, Member member)
    {
        switch (member)
        {
            case Member.ResourceVersion when reader.TokenType == JsonTokenType.String:
                _listResourceVersion = reader.GetString();
                break;
            case Member.Continue when reader.TokenType == JsonTokenType.String:
                _listContinue = reader.GetString() is { Length: > 0 } token ? token : null;
                break;
            case Member.RemainingItemCount when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var remaining):
                _listRemainingItemCount = remaining;
                break;
        }
    }

    /// <summary>Reads one member of an item's metadata; true when it opened a nested context.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadItemMetadata(ref Utf8JsonReader reader, Member member)
    {
        var token = reader.TokenType;
        switch (member)
        {
            case Member.Labels when token == JsonTokenType.StartObject:
                _context = Context.Labels;
                return true;
            case Member.Annotations when token == JsonTokenType.StartObject:
                _context = Context.Annotations;
                return true;
            case Member.OwnerReferences when token == JsonTokenType.StartArray:
                _context = Context.OwnerReferences;
                return true;
        }

        if (token != JsonTokenType.String)
        {
            return false;
        }

        switch (member)
        {
            case Member.Name:
                _metadata.Name = reader.GetString()!;
                break;
            case Member.Namespace:
                _metadata.Namespace = reader.GetString();
                break;
            case Member.Uid:
                _metadata.Uid = reader.GetString()!;
                break;
            case Member.ResourceVersion:
                _metadata.ResourceVersion = reader.GetString();
                break;
            case Member.CreationTimestamp when reader.TryGetDateTimeOffset(out var created):
                _metadata.CreationTimestamp = created;
                break;
            case Member.DeletionTimestamp when reader.TryGetDateTimeOffset(out var deleted):
                _metadata.DeletionTimestamp = deleted;
                break;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddEntry(ref Utf8JsonReader reader)
    {
        var entries = _context == Context.Labels
            ? _metadata.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal)
            : _metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        entries[_entryKey!] = reader.GetString()!;
    }

    /// <summary>
    /// Makes room for at least <see cref="MinimumReadSize"/> more bytes: moves what is still needed
    /// (the item in progress, or the unread rest) to the front, and grows the buffer only when
    /// that alone would not leave enough room.
    /// </summary>
    private void MakeRoom()
    {
        var keepFrom = _itemStart >= 0 ? _itemStart : _scanned;
        var kept = _end - keepFrom;
        if (kept > _maxItemBytes)
        {
            throw TooLarge();
        }

        var target = _buffer;
        if (_buffer.Length - kept < MinimumReadSize)
        {
            target = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, kept + MinimumReadSize));
        }

        _buffer.AsSpan(keepFrom, kept).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        if (_itemStart >= 0)
        {
            _itemStart -= keepFrom;
        }

        _scanned -= keepFrom;
        _end = kept;
    }

    private JsonException TooLarge() =>
        new($"A list item is larger than {_maxItemBytes / 1024} KiB; no Kubernetes object is that large.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private sealed class MetadataBuilder
    {
        public string Name { get; set; } = "";

        public string? Namespace { get; set; }

        public string Uid { get; set; } = "";

        public string? ResourceVersion { get; set; }

        public DateTimeOffset? CreationTimestamp { get; set; }

        public DateTimeOffset? DeletionTimestamp { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public Dictionary<string, string>? Annotations { get; set; }

        public List<OwnerReference> OwnerReferences { get; } = [];

        public ObjectMetadata Build() => new()
        {
            Name = Name,
            Namespace = string.IsNullOrEmpty(Namespace) ? null : Namespace,
            Uid = Uid,
            ResourceVersion = ResourceVersion,
            CreationTimestamp = CreationTimestamp,
            DeletionTimestamp = DeletionTimestamp,
            Labels = Labels ?? ObjectMetadata.NoEntries,
            Annotations = Annotations ?? ObjectMetadata.NoEntries,
            OwnerReferences = OwnerReferences.Count == 0 ? [] : OwnerReferences.ToArray(),
        };
    }

    private sealed class OwnerReferenceBuilder
    {
        private string _apiVersion = "";
        private string _kind = "";
        private string _name = "";
        private string _uid = "";
        private bool _controller;
        private bool _blockOwnerDeletion;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(ref Utf8JsonReader reader, Member member)
        {
            var token = reader.TokenType;
            switch (member)
            {
                case Member.ApiVersion when token == JsonTokenType.String:
                    _apiVersion = reader.GetString()!;
                    break;
                case Member.Kind when token == JsonTokenType.String:
                    _kind = reader.GetString()!;
                    break;
                case Member.Name when token == JsonTokenType.String:
                    _name = reader.GetString()!;
                    break;
                case Member.Uid when token == JsonTokenType.String:
                    _uid = reader.GetString()!;
                    break;
                case Member.Controller:
                    _controller = token == JsonTokenType.True;
                    break;
                case Member.BlockOwnerDeletion:
                    _blockOwnerDeletion = token == JsonTokenType.True;
                    break;
            }
        }

        public OwnerReference Build() => new(_apiVersion, _kind, _name, _uid)
        {
            Controller = _controller,
            BlockOwnerDeletion = _blockOwnerDeletion,
        };
    }
}
