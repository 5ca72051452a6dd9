using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation;

/// <summary>The metadata every generated object carries (metav1.ObjectMeta, the fields the stand-in uses).</summary>
internal sealed class ObjectMeta
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public required string Name { get; init; }

    public string? GenerateName { get; init; }

    /// <summary>Empty for cluster-scoped objects.</summary>
    public string Namespace { get; init; } = "";

    public required string Uid { get; init; }

    public long? Generation { get; init; }

    public required DateTimeOffset Created { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = Empty;

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = Empty;

    public IReadOnlyList<OwnerReference> Owners { get; init; } = [];

    public IReadOnlyList<string> Finalizers { get; init; } = [];

    public IReadOnlyList<ManagedFieldsEntry> ManagedFields { get; init; } = [];

    /// <summary>Writes <c>"metadata":{…}</c> in Go's field order.</summary>
    public void Write(Utf8JsonWriter writer, string resourceVersion)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("name", Name);
        writer.WriteStringIfAny("generateName", GenerateName);
        writer.WriteStringIfAny("namespace", Namespace);
        writer.WriteString("uid", Uid);
        writer.WriteString("resourceVersion", resourceVersion);
        if (Generation is { } generation)
        {
            writer.WriteNumber("generation", generation);
        }

        writer.WriteTime("creationTimestamp", Created);
        writer.WriteStringMapIfAny("labels", Labels);
        writer.WriteStringMapIfAny("annotations", Annotations);
        if (Owners.Count > 0)
        {
            writer.WriteStartArray("ownerReferences");
            foreach (var owner in Owners)
            {
                owner.Write(writer);
            }

            writer.WriteEndArray();
        }

        if (Finalizers.Count > 0)
        {
            writer.WriteStringArray("finalizers", Finalizers);
        }

        if (ManagedFields.Count > 0)
        {
            writer.WriteStartArray("managedFields");
            foreach (var entry in ManagedFields)
            {
                entry.Write(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

/// <summary>A controller reference, e.g. a pod's ReplicaSet.</summary>
internal sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid, bool Controller = true, bool BlockOwnerDeletion = true)
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("apiVersion", ApiVersion);
        writer.WriteString("kind", Kind);
        writer.WriteString("name", Name);
        writer.WriteString("uid", Uid);
        writer.WriteBoolean("controller", Controller);
        writer.WriteBoolean("blockOwnerDeletion", BlockOwnerDeletion);
        writer.WriteEndObject();
    }
}

/// <summary>One managedFields entry; <paramref name="FieldsV1"/> is the pre-rendered field set.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, DateTimeOffset Time, ReadOnlyMemory<byte> FieldsV1, string? Subresource = null)
{
    public static ManagedFieldsEntry Update(string manager, string apiVersion, DateTimeOffset time, FieldSet fields, string? subresource = null) =>
        new(manager, "Update", apiVersion, time, fields.ToJson(), subresource);

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("manager", Manager);
        writer.WriteString("operation", Operation);
        writer.WriteString("apiVersion", ApiVersion);
        writer.WriteTime("time", Time);
        writer.WriteString("fieldsType", "FieldsV1");
        writer.WritePropertyName("fieldsV1");
        writer.WriteRawValue(FieldsV1.Span, skipInputValidation: true);
        writer.WriteStringIfAny("subresource", Subresource);
        writer.WriteEndObject();
    }
}
