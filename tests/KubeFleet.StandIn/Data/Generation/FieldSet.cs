using System.Buffers;
using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation;

/// <summary>
/// A managedFields <c>fieldsV1</c> tree: <c>f:name</c> for fields, <c>k:{...}</c> for list items keyed by
/// their identity, <c>.</c> for "the field itself". Written with keys sorted, as structured-merge-diff does.
/// </summary>
internal sealed class FieldSet
{
    /// <summary>Field sets are rendered for every generated object: one buffer and writer per thread serve them all.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? scratch;

    private List<(string Key, FieldSet Child)>? children;

    /// <summary>The child for field <paramref name="name"/>, created on first use.</summary>
    public FieldSet F(string name) => Child("f:" + name);

    /// <summary>The child for the list item whose key fields serialize to <paramref name="keyJson"/>.</summary>
    public FieldSet K(string keyJson) => Child("k:" + keyJson);

    /// <summary>The child for the list item keyed by one string field, e.g. <c>k:{"name":"web"}</c>.</summary>
    public FieldSet K(string field, string value) => K("{" + JsonSerializer.Serialize(field) + ":" + JsonSerializer.Serialize(value) + "}");

    /// <summary>Marks this field as owned as a whole (the <c>.</c> entry) and returns it.</summary>
    public FieldSet Self()
    {
        Child(".");
        return this;
    }

    /// <summary>Adds leaf fields and returns this set.</summary>
    public FieldSet Leaves(params IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            F(name);
        }

        return this;
    }

    public byte[] ToJson()
    {
        var (buffer, writer) = scratch ??= CreateScratch();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateScratch()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        return (buffer, new Utf8JsonWriter(buffer, KubeJson.WriterOptions));
    }

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (children is not null)
        {
            children.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var (key, child) in children)
            {
                writer.WritePropertyName(key);
                child.Write(writer);
            }
        }

        writer.WriteEndObject();
    }

    private FieldSet Child(string key)
    {
        children ??= [];
        foreach (var (existing, child) in children)
        {
            if (existing == key)
            {
                return child;
            }
        }

        var added = new FieldSet();
        children.Add((key, added));
        return added;
    }
}
