using System.Text.Json;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// The built-in kinds of Kubernetes 1.32 that register their own field-label conversion
/// (kubernetes <c>pkg/apis/*/v1/conversion.go</c>) and their selectable fields
/// (<c>pkg/registry/*/strategy.go</c> <c>…ToSelectableFields</c>). Kinds not listed use the
/// default conversion. apps/v1 ReplicaSet is one of those: its strategy lists
/// <c>status.replicas</c>, but without a conversion the server rejects it
/// (kubernetes/kubernetes#135136).
/// </summary>
internal static class BuiltInSelectableFields
{
    private static readonly Dictionary<(string Group, string Kind), SelectableFields> Kinds = new()
    {
        [("", "Pod")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("metadata.namespace"),
            Field("spec.nodeName") with { Labels = ["spec.nodeName", "spec.host"] },
            Field("spec.restartPolicy"),
            Field("spec.schedulerName"),
            Field("spec.serviceAccountName"),
            Field("spec.hostNetwork", item => JsonFields.Boolean(item, "spec.hostNetwork")),
            Field("status.phase"),
            Field("status.podIP", PodIP),
            // Accepted by the conversion but not in the selectable set: "=" never matches a value.
            AcceptedOnly("status.podIPs"),
            Field("status.nominatedNodeName")),
        [("", "Node")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("spec.unschedulable", item => JsonFields.Boolean(item, "spec.unschedulable"))),
        [("", "ReplicationController")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("metadata.namespace"),
            Field("status.replicas", item => JsonFields.Integer(item, "status.replicas"))),
        [("", "Event")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("metadata.namespace"),
            Field("involvedObject.kind"),
            Field("involvedObject.namespace"),
            Field("involvedObject.name"),
            Field("involvedObject.uid"),
            Field("involvedObject.apiVersion"),
            Field("involvedObject.resourceVersion"),
            Field("involvedObject.fieldPath"),
            Field("reason"),
            Field("reportingComponent"),
            Field("source", item => FirstNonEmpty(JsonFields.Text(item, "source.component"), JsonFields.Text(item, "reportingComponent"))),
            Field("type")),
        [("events.k8s.io", "Event")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("metadata.namespace"),
            // events.k8s.io names map onto the core Event's selectable fields, read from this
            // group's own JSON shape.
            Mapped("regarding.kind", "involvedObject.kind"),
            Mapped("regarding.namespace", "involvedObject.namespace"),
            Mapped("regarding.name", "involvedObject.name"),
            Mapped("regarding.uid", "involvedObject.uid"),
            Mapped("regarding.apiVersion", "involvedObject.apiVersion"),
            Mapped("regarding.resourceVersion", "involvedObject.resourceVersion"),
            Mapped("regarding.fieldPath", "involvedObject.fieldPath"),
            Field("reason"),
            Mapped("reportingController", "reportingComponent"),
            Field("source", item => FirstNonEmpty(JsonFields.Text(item, "deprecatedSource.component"), JsonFields.Text(item, "reportingController"))),
            Field("type")),
        [("", "Namespace")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("status.phase")),
        [("", "Secret")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("metadata.namespace"),
            Field("type")),
        [("", "Service")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("metadata.namespace"),
            Field("spec.clusterIP"),
            Field("spec.type")),
        [("batch", "Job")] = Kind(
            field => $"field label {GoText.Quote(field)} not supported for batchv1.Job",
            Field("metadata.name"),
            Field("metadata.namespace"),
            Field("status.successful", item => JsonFields.Integer(item, "status.succeeded"))),
        [("certificates.k8s.io", "CertificateSigningRequest")] = Kind(
            NotSupported,
            Field("metadata.name"),
            Field("spec.signerName")),
    };

    public static SelectableFields? Find(string group, string kind) => Kinds.GetValueOrDefault((group, kind));

    private static string NotSupported(string field) => "field label not supported: " + field;

    // The server keeps status.podIP authoritative when it disagrees with status.podIPs
    // (Convert_v1_PodStatus_To_core_PodStatus), and selects by the first of the resulting list.
    private static string PodIP(JsonElement pod) =>
        FirstNonEmpty(JsonFields.Text(pod, "status.podIP"), JsonFields.TextOfFirst(pod, "status.podIPs", "ip"));

    private static string FirstNonEmpty(string first, string second) => first.Length > 0 ? first : second;

    /// <summary>A selectable field accepted under its own name and read as text at its own path.</summary>
    private static KindField Field(string name) => new(name, item => JsonFields.Text(item, name), [name]);

    private static KindField Field(string name, Func<JsonElement, string> valueOf) => new(name, valueOf, [name]);

    /// <summary>A label of another API version that the conversion maps onto a selectable field.</summary>
    private static KindField Mapped(string label, string name) => new(name, item => JsonFields.Text(item, label), [label]);

    private static KindField AcceptedOnly(string label) => new(label, null, [label]);

    private static SelectableFields Kind(Func<string, string> unsupportedMessage, params KindField[] fields)
    {
        var acceptedLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, Func<JsonElement, string>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            foreach (var label in field.Labels)
                acceptedLabels[label] = field.Name;
            if (field.ValueOf is not null)
                values[field.Name] = field.ValueOf;
        }
        return new SelectableFields(acceptedLabels, unsupportedMessage, values);
    }

    /// <param name="Name">The name in the selectable set.</param>
    /// <param name="ValueOf">Its value in an object; null when the name passes conversion but is not selectable.</param>
    /// <param name="Labels">The field labels the conversion accepts for it.</param>
    private sealed record KindField(string Name, Func<JsonElement, string>? ValueOf, string[] Labels);
}
