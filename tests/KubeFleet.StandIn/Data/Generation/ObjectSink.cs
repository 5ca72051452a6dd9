using System.Buffers;
using System.Globalization;
using System.Text.Json;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Data.Storage;

namespace KubeFleet.StandIn.Data.Generation;

/// <summary>
/// Encodes each generated object once, stamping it with the next storage revision (each write gets its
/// own, so a resourceVersion is the revision of the object's last write), and files it under its resource.
/// </summary>
internal sealed class ObjectSink
{
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter writer;
    private readonly Dictionary<(string Group, string Resource), List<StoredObject>> objects = [];
    private readonly Entropy entropy;
    private readonly ItemArena arena = new();

    public ObjectSink(Entropy entropy, long startRevision)
    {
        this.entropy = entropy;
        Revision = startRevision;
        writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions);
    }

    /// <summary>The revision of the latest write.</summary>
    public long Revision { get; private set; }

    /// <summary>Encodes an object of <paramref name="type"/>; returns the resourceVersion it was given.</summary>
    public string Add(ResourceType type, Action<Utf8JsonWriter, string> write)
    {
        // Other writes (leases, events of other objects) interleave in a real cluster, so revisions skip.
        Revision += entropy.Int(1, 6);
        var resourceVersion = Revision.ToString(CultureInfo.InvariantCulture);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, resourceVersion);
        writer.Flush();
        var encoded = arena.Store(type.IsCustom ? UnstructuredJson.SortKeys(buffer.WrittenSpan) : buffer.WrittenSpan);
        var key = (type.Group, type.Resource);
        if (!objects.TryGetValue(key, out var list))
        {
            list = [];
            objects[key] = list;
        }

        list.Add(StoredObject.Index(encoded));
        return resourceVersion;
    }

    public IReadOnlyDictionary<(string Group, string Resource), ResourceStore> ToStores() =>
        objects.ToDictionary(entry => entry.Key, entry => new ResourceStore(entry.Value));
}
