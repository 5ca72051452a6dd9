using System.Buffers;
using System.Text.Json;
using KubeFleet.StandIn.Api.Tables;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Data.Storage;

namespace KubeFleet.StandIn.Api.Rendering;

/// <summary>What a table row carries as its object (the <c>includeObject</c> parameter).</summary>
internal enum IncludeObject
{
    /// <summary>PartialObjectMetadata: kubectl reads the namespace and labels from it.</summary>
    Metadata,
    Object,
    None,
}

/// <summary>A meta.k8s.io Table (v1 or v1beta1) of a list page or of one object, rows computed when asked for.</summary>
internal static class TableRendering
{
    public static byte[] Table(ResourceType type, string tableVersion, IReadOnlyList<StoredObject> items, string listMeta, IncludeObject include, DateTimeOffset now)
    {
        var printer = TablePrinters.For(type);
        var buffer = new ArrayBufferWriter<byte>(4096 + (items.Count * 1024));
        using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "Table");
            writer.WriteString("apiVersion", "meta.k8s.io/" + tableVersion);
            writer.WritePropertyName("metadata");
            writer.WriteRawValue(listMeta, skipInputValidation: true);
            writer.WriteStartArray("columnDefinitions");
            foreach (var column in printer.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("type", column.Type);
                writer.WriteString("format", column.Format);
                writer.WriteString("description", column.Description);
                writer.WriteNumber("priority", column.Priority);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rows");
            foreach (var item in items)
            {
                WriteRow(writer, type, printer, item, include, now);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRow(Utf8JsonWriter writer, ResourceType type, TablePrinter printer, StoredObject item, IncludeObject include, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(item.Item);
        var root = document.RootElement;
        writer.WriteStartObject();
        writer.WriteStartArray("cells");
        foreach (var cell in printer.Cells(root, now))
        {
            switch (cell)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                case double real:
                    writer.WriteNumberValue(real);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
            }
        }

        writer.WriteEndArray();
        if (printer.Condition(root) is { } condition)
        {
            writer.WriteStartArray("conditions");
            writer.WriteStartObject();
            writer.WriteString("type", condition.Type);
            writer.WriteString("status", condition.Status);
            writer.WriteString("reason", condition.Reason);
            writer.WriteString("message", condition.Message);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WritePropertyName("object");
        switch (include)
        {
            case IncludeObject.None:
                writer.WriteNullValue();
                break;
            case IncludeObject.Object:
                writer.WriteRawValue(Concat(ObjectRendering.Object(type, item)), skipInputValidation: true);
                break;
            default:
                writer.WriteStartObject();
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", "meta.k8s.io/v1");
                writer.WritePropertyName("metadata");
                writer.WriteRawValue(item.MetadataJson.Span, skipInputValidation: true);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static byte[] Concat(IEnumerable<ReadOnlyMemory<byte>> segments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var segment in segments)
        {
            buffer.Write(segment.Span);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
