using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KubeFleet.StandIn.Api.Lists;
using KubeFleet.StandIn.Api.Tables;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Data.Storage;

namespace KubeFleet.StandIn.Api.Rendering;

/// <summary>
/// Objects and lists as JSON, assembled from the stored bytes without decoding them: a typed list is its
/// prefix, the items joined by commas, and its suffix; a single object gets its <c>kind</c> and
/// <c>apiVersion</c> back in front of its fields.
/// </summary>
internal static class ObjectRendering
{
    private static readonly ReadOnlyMemory<byte> Comma = ","u8.ToArray();
    /// <summary>Go's JSON encoder ends every document with a newline.</summary>
    public static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    /// <summary>The segments of one object as a GET returns it (without the final newline).</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Object(ResourceType type, StoredObject item)
    {
        if (type.IsCustom)
        {
            return [item.Item];
        }

        var typeMeta = Encoding.UTF8.GetBytes($"{{\"kind\":\"{type.Kind}\",\"apiVersion\":\"{type.GroupVersion}\",");
        return [typeMeta, item.Item[1..]];
    }

    /// <summary>The autoscaling/v1 Scale a workload's <c>scale</c> subresource answers with.</summary>
    public static byte[] Scale(StoredObject item)
    {
        using var document = JsonDocument.Parse(item.Item);
        var workload = document.RootElement;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "Scale");
            writer.WriteString("apiVersion", "autoscaling/v1");
            writer.WriteStartObject("metadata");
            foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
            {
                if (ObjectJson.Find(workload, "metadata", field) is { } value)
                {
                    writer.WritePropertyName(field);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
            writer.WriteStartObject("spec");
            writer.WriteNumber("replicas", ObjectJson.Integer(workload, "spec", "replicas"));
            writer.WriteEndObject();
            writer.WriteStartObject("status");
            writer.WriteNumber("replicas", ObjectJson.Integer(workload, "status", "replicas"));
            var selector = PrintFormat.Selector(workload, "spec", "selector");
            writer.WriteStringIfAny("selector", selector == "<none>" ? null : selector);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The segments of a list page. Typed lists are written in Go struct order; custom resource lists are
    /// unstructured, so their keys come sorted and <c>continue</c> is always present.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> List(ResourceType type, ListPage page)
    {
        var resourceVersion = page.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        var prefix = new StringBuilder();
        string suffix;
        if (type.IsCustom)
        {
            prefix.Append($"{{\"apiVersion\":\"{type.GroupVersion}\",\"items\":[");
            var metadata = new StringBuilder($"{{\"continue\":\"{page.Continue}\"");
            if (page.RemainingItemCount is { } remainingCustom)
            {
                metadata.Append(CultureInfo.InvariantCulture, $",\"remainingItemCount\":{remainingCustom}");
            }

            metadata.Append($",\"resourceVersion\":\"{resourceVersion}\"}}");
            suffix = $"],\"kind\":\"{type.ListKind}\",\"metadata\":{metadata}}}\n";
        }
        else
        {
            prefix.Append($"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.GroupVersion}\",\"metadata\":{ListMeta(page)},\"items\":[");
            suffix = "]}\n";
        }

        var segments = new List<ReadOnlyMemory<byte>>((page.Items.Count * 2) + 2) { Encoding.UTF8.GetBytes(prefix.ToString()) };
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (i > 0)
            {
                segments.Add(Comma);
            }

            segments.Add(page.Items[i].Item);
        }

        segments.Add(Encoding.UTF8.GetBytes(suffix));
        return segments;
    }

    /// <summary>metav1.ListMeta in Go's order, empty fields omitted.</summary>
    public static string ListMeta(ListPage page)
    {
        var text = new StringBuilder($"{{\"resourceVersion\":\"{page.ResourceVersion.ToString(CultureInfo.InvariantCulture)}\"");
        if (page.Continue is { } token)
        {
            text.Append($",\"continue\":\"{token}\"");
        }

        if (page.RemainingItemCount is { } remaining)
        {
            text.Append(CultureInfo.InvariantCulture, $",\"remainingItemCount\":{remaining}");
        }

        return text.Append('}').ToString();
    }
}
