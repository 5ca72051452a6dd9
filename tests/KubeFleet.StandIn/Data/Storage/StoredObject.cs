using System.Text.Json;
using System.Text;

namespace KubeFleet.StandIn.Data.Storage;

/// <summary>
/// One object, encoded once: compact JSON in list-item form (for built-in kinds without <c>kind</c> and
/// <c>apiVersion</c>, as typed lists carry them). Everything a request needs without decoding — the etcd key,
/// the labels, where the metadata sits — is indexed when the object is stored.
/// </summary>
public sealed class StoredObject
{
    private StoredObject(ReadOnlyMemory<byte> item, string ns, string name, string resourceVersion, IReadOnlyDictionary<string, string> labels, Range metadata)
    {
        Item = item;
        Namespace = ns;
        Name = name;
        ResourceVersion = resourceVersion;
        Labels = labels;
        Metadata = metadata;
        Key = ns.Length == 0 ? name : ns + "/" + name;
    }

    /// <summary>The etcd key below the resource prefix: <c>namespace/name</c>, or <c>name</c> when cluster-scoped.</summary>
    public string Key { get; }

    /// <summary>Empty for cluster-scoped objects.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public string ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The encoded object as a list item.</summary>
    public ReadOnlyMemory<byte> Item { get; }

    /// <summary>Where the <c>metadata</c> object's value lies inside <see cref="Item"/>.</summary>
    public Range Metadata { get; }

    public ReadOnlyMemory<byte> MetadataJson => Item[Metadata];

    /// <summary>Indexes an encoded object; its metadata must carry a name.</summary>
    public static StoredObject Index(ReadOnlyMemory<byte> item)
    {
        var reader = new Utf8JsonReader(item.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var (ns, name, resourceVersion, labels) = ReadMetadata(ref reader);
            return new StoredObject(item, ns, name, resourceVersion, labels, start..(int)reader.BytesConsumed);
        }

        throw new InvalidOperationException("An object was stored without metadata: " + Encoding.UTF8.GetString(item.Span));
    }

    private static (string Namespace, string Name, string ResourceVersion, IReadOnlyDictionary<string, string> Labels) ReadMetadata(ref Utf8JsonReader reader)
    {
        string ns = "", name = "", resourceVersion = "";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                reader.Read();
                ns = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("resourceVersion"u8))
            {
                reader.Read();
                resourceVersion = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    labels[key] = reader.GetString()!;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (ns, name, resourceVersion, labels);
    }
}
