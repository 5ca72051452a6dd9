using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using KubeFleet.Engine.Search.Lists;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// What a pod or container rule's condition reads: the audited resource's columns (cluster, kind,
/// namespace, name, labels, annotations) and a pod-shaped document, the same for a Pod and for a
/// workload's template, so one condition covers both:
/// <code>
/// { "apiVersion", "kind", "metadata": the resource's metadata,
///   "podMetadata": the pod's or the template's metadata,
///   "spec": the pod spec,
///   "containerSet": "initContainers" | "containers" | "ephemeralContainers",   (container rules)
///   "container": the container }                                              (container rules)
/// </code>
/// </summary>
internal sealed class AuditSubject : IQueryRow
{
    private readonly IQueryRow resource;
    private JsonElement? parsed;

    private AuditSubject(IQueryRow resource, byte[] document)
    {
        this.resource = resource;
        Json = document;
    }

    public string Cluster => resource.Cluster;
    public string ApiVersion => resource.ApiVersion;
    public string Kind => resource.Kind;
    public string? Namespace => resource.Namespace;
    public string Name => resource.Name;
    public string? ResourceVersion => resource.ResourceVersion;
    public DateTimeOffset? CreationTimestamp => resource.CreationTimestamp;
    public DateTimeOffset? DeletionTimestamp => resource.DeletionTimestamp;
    public ReadOnlyMemory<byte> Json { get; }

    // Conditions and messages read the document's bytes; only a relation or field selector would parse it.
    public JsonElement Object => parsed ??= ObjectJson.Parse(Json.Span);

    public bool TryGetLabel(string key, [NotNullWhen(true)] out string? value) => resource.TryGetLabel(key, out value);

    public bool TryGetAnnotation(string key, [NotNullWhen(true)] out string? value) => resource.TryGetAnnotation(key, out value);

    public static AuditSubject ForPod(IQueryRow resource, PodTemplate template) =>
        new(resource, Compose(resource, template, null));

    public static AuditSubject ForContainer(IQueryRow resource, PodTemplate template, string containerSet, JsonElement container) =>
        new(resource, Compose(resource, template, (containerSet, container)));

    private static byte[] Compose(IQueryRow resource, PodTemplate template, (string Set, JsonElement Container)? container)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", resource.ApiVersion);
            writer.WriteString("kind", resource.Kind);
            if (resource.Object.ValueKind == JsonValueKind.Object && resource.Object.TryGetProperty("metadata", out var metadata))
                WriteProperty(writer, "metadata", metadata);
            if (template.Metadata.ValueKind == JsonValueKind.Object)
                WriteProperty(writer, "podMetadata", template.Metadata);
            WriteProperty(writer, "spec", template.Spec);
            if (container is { } selected)
            {
                writer.WriteString("containerSet", selected.Set);
                WriteProperty(writer, "container", selected.Container);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, JsonElement value)
    {
        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }
}
