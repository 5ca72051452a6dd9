using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>A core/v1 Event about one object, as the kubelet or a controller records it.</summary>
internal sealed record EventModel
{
    public required ObjectMeta Meta { get; init; }

    public required string InvolvedKind { get; init; }

    public required string InvolvedApiVersion { get; init; }

    public required string InvolvedName { get; init; }

    public required string InvolvedUid { get; init; }

    /// <summary>Empty for cluster-scoped objects.</summary>
    public string InvolvedNamespace { get; init; } = "";

    public string? FieldPath { get; init; }

    public required string Reason { get; init; }

    public required string Message { get; init; }

    public required string Component { get; init; }

    public string? Host { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public int Count { get; init; } = 1;

    /// <summary><c>Normal</c> or <c>Warning</c>.</summary>
    public required string Type { get; init; }
}

internal static class EventWriter
{
    public static void Write(Utf8JsonWriter writer, EventModel model, string involvedResourceVersion, string resourceVersion)
    {
        writer.WriteStartObject();
        model.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("involvedObject");
        writer.WriteString("kind", model.InvolvedKind);
        writer.WriteStringIfAny("namespace", model.InvolvedNamespace);
        writer.WriteString("name", model.InvolvedName);
        writer.WriteString("uid", model.InvolvedUid);
        writer.WriteString("apiVersion", model.InvolvedApiVersion);
        writer.WriteString("resourceVersion", involvedResourceVersion);
        writer.WriteStringIfAny("fieldPath", model.FieldPath);
        writer.WriteEndObject();
        writer.WriteString("reason", model.Reason);
        writer.WriteString("message", model.Message);
        writer.WriteStartObject("source");
        writer.WriteString("component", model.Component);
        writer.WriteStringIfAny("host", model.Host);
        writer.WriteEndObject();
        writer.WriteTime("firstTimestamp", model.FirstSeen);
        writer.WriteTime("lastTimestamp", model.LastSeen);
        writer.WriteNumber("count", model.Count);
        writer.WriteString("type", model.Type);
        writer.WriteNull("eventTime");
        writer.WriteString("reportingComponent", model.Component);
        writer.WriteString("reportingInstance", model.Host ?? "");
        writer.WriteEndObject();
    }
}
