using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>Tables of the core kinds, as <c>printers.go</c> prints them.</summary>
internal static class CorePrinters
{
    public static readonly TablePrinter Namespace = new(
        [Columns.Name, Columns.Text("Status", "The status of the namespace"), Columns.Age],
        (item, now) => [Name(item), ObjectJson.Text(item, "status", "phase"), PrintFormat.Age(item, now)]);

    public static readonly TablePrinter ConfigMap = new(
        [Columns.Name, Columns.Text("Data", "Data contains the configuration data."), Columns.Age],
        (item, now) => [Name(item), (long)(ObjectJson.Count(item, "data") + ObjectJson.Count(item, "binaryData")), PrintFormat.Age(item, now)]);

    public static readonly TablePrinter Secret = new(
        [Columns.Name, Columns.Text("Type", "Used to facilitate programmatic handling of secret data."), Columns.Text("Data", "Data contains the secret data."), Columns.Age],
        (item, now) => [Name(item), ObjectJson.Text(item, "type"), (long)ObjectJson.Count(item, "data"), PrintFormat.Age(item, now)]);

    public static readonly TablePrinter ServiceAccount = new(
        [Columns.Name, Columns.Text("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."), Columns.Age],
        (item, now) => [Name(item), (long)ObjectJson.Count(item, "secrets"), PrintFormat.Age(item, now)]);

    public static readonly TablePrinter Node = new(
        [
            Columns.Name,
            Columns.Text("Status", "The status of the node"),
            Columns.Text("Roles", "The roles of the node"),
            Columns.Age,
            Columns.Text("Version", "Kubelet Version reported by the node."),
            Columns.Text("Internal-IP", "List of addresses reachable to the node.", 1),
            Columns.Text("External-IP", "List of addresses reachable to the node.", 1),
            Columns.Text("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
            Columns.Text("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
            Columns.Text("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
        ],
        (item, now) =>
        {
            var ready = ObjectJson.Items(item, "status", "conditions").FirstOrDefault(c => ObjectJson.Text(c, "type") == "Ready");
            var status = new List<string> { ready.ValueKind != JsonValueKind.Object ? "Unknown" : ObjectJson.Text(ready, "status") == "True" ? "Ready" : "NotReady" };
            if (ObjectJson.Flag(item, "spec", "unschedulable"))
            {
                status.Add("SchedulingDisabled");
            }

            var roles = ObjectJson.Map(item, "metadata", "labels")
                .Select(l => l.Key.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal) ? l.Key["node-role.kubernetes.io/".Length..] : l.Key == "kubernetes.io/role" ? l.Value : "")
                .Where(role => role.Length > 0)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToArray();
            return
            [
                Name(item),
                string.Join(",", status),
                roles.Length == 0 ? "<none>" : string.Join(",", roles),
                PrintFormat.Age(item, now),
                ObjectJson.Text(item, "status", "nodeInfo", "kubeletVersion"),
                Address(item, "InternalIP"),
                Address(item, "ExternalIP"),
                OrUnknown(ObjectJson.Text(item, "status", "nodeInfo", "osImage")),
                OrUnknown(ObjectJson.Text(item, "status", "nodeInfo", "kernelVersion")),
                OrUnknown(ObjectJson.Text(item, "status", "nodeInfo", "containerRuntimeVersion")),
            ];
        });

    public static readonly TablePrinter Service = new(
        [
            Columns.Name,
            Columns.Text("Type", "type determines how the Service is exposed."),
            Columns.Text("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly."),
            Columns.Text("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
            Columns.Text("Port(s)", "The list of ports that are exposed by this service."),
            Columns.Age,
            Columns.Text("Selector", "Route service traffic to pods with label keys and values matching this selector.", 1),
        ],
        (item, now) =>
        {
            var clusterIp = ObjectJson.Items(item, "spec", "clusterIPs").Select(ip => ip.GetString()).FirstOrDefault() ?? "<none>";
            var ports = string.Join(",", ObjectJson.Items(item, "spec", "ports").Select(port =>
            {
                var nodePort = ObjectJson.Integer(port, "nodePort");
                var protocol = ObjectJson.Text(port, "protocol");
                return nodePort > 0 ? $"{ObjectJson.Integer(port, "port")}:{nodePort}/{protocol}" : $"{ObjectJson.Integer(port, "port")}/{protocol}";
            }));
            return
            [
                Name(item),
                ObjectJson.Text(item, "spec", "type"),
                clusterIp,
                ExternalIp(item),
                ports.Length == 0 ? "<none>" : ports,
                PrintFormat.Age(item, now),
                PrintFormat.Labels(ObjectJson.Map(item, "spec", "selector")),
            ];
        });

    public static readonly TablePrinter Event = new(
        [
            Columns.Text("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
            Columns.Text("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
            Columns.Text("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
            Columns.Text("Object", "The object that this event is about."),
            Columns.Text("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.", 1),
            Columns.Text("Source", "The component reporting this event. Should be a short machine understandable string.", 1),
            Columns.Text("Message", "A human-readable description of the status of this operation."),
            Columns.Text("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
            Columns.Text("Count", "The number of times this event has occurred.", 1),
            new TableColumn("Name", "string", Columns.NameDescription, 1, "name"),
        ],
        (item, now) =>
        {
            var first = ObjectJson.Time(item, "firstTimestamp") is { } firstTime
                ? PrintFormat.Since(firstTime, now)
                : PrintFormat.Since(ObjectJson.Time(item, "eventTime"), now);
            var last = ObjectJson.Time(item, "lastTimestamp") is { } lastTime ? PrintFormat.Since(lastTime, now) : first;
            var count = ObjectJson.Integer(item, "count");
            if (ObjectJson.Find(item, "series") is { } series)
            {
                last = PrintFormat.Since(ObjectJson.Time(series, "lastObservedTime"), now);
                count = ObjectJson.Integer(series, "count");
            }
            else if (count == 0)
            {
                count = 1;
            }

            var kind = ObjectJson.Text(item, "involvedObject", "kind").ToLowerInvariant();
            var involved = ObjectJson.Text(item, "involvedObject", "name");
            var component = FirstNonEmpty(ObjectJson.Text(item, "source", "component"), ObjectJson.Text(item, "reportingComponent"));
            var instance = FirstNonEmpty(ObjectJson.Text(item, "source", "host"), ObjectJson.Text(item, "reportingInstance"));
            return
            [
                last,
                ObjectJson.Text(item, "type"),
                ObjectJson.Text(item, "reason"),
                involved.Length > 0 ? $"{kind}/{involved}" : kind,
                ObjectJson.Text(item, "involvedObject", "fieldPath"),
                instance.Length == 0 ? component : $"{component}, {instance}",
                ObjectJson.Text(item, "message").Trim(),
                first,
                count,
                Name(item),
            ];
        });

    public static readonly TablePrinter PersistentVolumeClaim = new(
        [
            Columns.Name,
            Columns.Text("Status", "phase represents the current phase of PersistentVolumeClaim."),
            Columns.Text("Volume", "volumeName is the binding reference to the PersistentVolume backing this claim."),
            Columns.Text("Capacity", "capacity represents the actual resources of the underlying volume."),
            Columns.Text("Access Modes", "accessModes contains the actual access modes the volume backing the PVC has."),
            Columns.Text("StorageClass", "StorageClass of the pvc"),
            Columns.Text("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
            Columns.Age,
            Columns.Text("VolumeMode", "volumeMode defines what type of volume is required by the claim.", 1),
        ],
        (item, now) =>
        {
            var bound = ObjectJson.Text(item, "spec", "volumeName");
            return
            [
                Name(item),
                ObjectJson.Find(item, "metadata", "deletionTimestamp") is null ? ObjectJson.Text(item, "status", "phase") : "Terminating",
                bound,
                bound.Length > 0 ? ObjectJson.Text(item, "status", "capacity", "storage") : "",
                bound.Length > 0 ? PrintFormat.AccessModes(item, "status", "accessModes") : "",
                StorageClass(item),
                ObjectJson.Text(item, "spec", "volumeAttributesClassName") is { Length: > 0 } attributes ? attributes : "<unset>",
                PrintFormat.Age(item, now),
                ObjectJson.Text(item, "spec", "volumeMode") is { Length: > 0 } mode ? mode : "<unset>",
            ];
        });

    public static readonly TablePrinter PersistentVolume = new(
        [
            Columns.Name,
            Columns.Text("Capacity", "capacity is the description of the persistent volume's resources and capacity."),
            Columns.Text("Access Modes", "accessModes contains all ways the volume can be mounted."),
            Columns.Text("Reclaim Policy", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim."),
            Columns.Text("Status", "phase indicates if a volume is available, bound to a claim, or released by a claim."),
            Columns.Text("Claim", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim."),
            Columns.Text("StorageClass", "StorageClass of the pv"),
            Columns.Text("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
            Columns.Text("Reason", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
            Columns.Age,
            Columns.Text("VolumeMode", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.", 1),
        ],
        (item, now) =>
        {
            var claim = ObjectJson.Find(item, "spec", "claimRef") is { } reference ? $"{ObjectJson.Text(reference, "namespace")}/{ObjectJson.Text(reference, "name")}" : "";
            return
            [
                Name(item),
                ObjectJson.Text(item, "spec", "capacity", "storage"),
                PrintFormat.AccessModes(item, "spec", "accessModes"),
                ObjectJson.Text(item, "spec", "persistentVolumeReclaimPolicy"),
                ObjectJson.Find(item, "metadata", "deletionTimestamp") is null ? ObjectJson.Text(item, "status", "phase") : "Terminating",
                claim,
                StorageClass(item),
                ObjectJson.Text(item, "spec", "volumeAttributesClassName") is { Length: > 0 } attributes ? attributes : "<unset>",
                ObjectJson.Text(item, "status", "reason"),
                PrintFormat.Age(item, now),
                ObjectJson.Text(item, "spec", "volumeMode") is { Length: > 0 } mode ? mode : "<unset>",
            ];
        });

    private static string Name(JsonElement item) => ObjectJson.Text(item, "metadata", "name");

    private static string OrUnknown(string text) => text.Length == 0 ? "<unknown>" : text;

    private static string FirstNonEmpty(string a, string b) => a.Length > 0 ? a : b;

    private static string Address(JsonElement node, string type) =>
        ObjectJson.Items(node, "status", "addresses").FirstOrDefault(a => ObjectJson.Text(a, "type") == type) is { ValueKind: JsonValueKind.Object } address
            ? ObjectJson.Text(address, "address")
            : "<none>";

    /// <summary>The class in the spec, or in the beta annotation older objects carry.</summary>
    private static string StorageClass(JsonElement item) =>
        ObjectJson.Text(item, "metadata", "annotations", "volume.beta.kubernetes.io/storage-class") is { Length: > 0 } annotated
            ? annotated
            : ObjectJson.Text(item, "spec", "storageClassName");

    /// <summary><c>getServiceExternalIP</c>, wide (the server prints wide; no 16-character clipping).</summary>
    private static string ExternalIp(JsonElement service)
    {
        var external = ObjectJson.Items(service, "spec", "externalIPs").Select(ip => ip.GetString()!).ToArray();
        switch (ObjectJson.Text(service, "spec", "type"))
        {
            case "ClusterIP" or "NodePort":
                return external.Length > 0 ? string.Join(",", external) : "<none>";
            case "LoadBalancer":
                var balancer = ObjectJson.Items(service, "status", "loadBalancer", "ingress")
                    .Select(i => ObjectJson.Text(i, "ip") is { Length: > 0 } ip ? ip : ObjectJson.Text(i, "hostname"))
                    .Where(a => a.Length > 0)
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .ToList();
                balancer.AddRange(external);
                return balancer.Count > 0 ? string.Join(",", balancer) : "<pending>";
            case "ExternalName":
                return ObjectJson.Text(service, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }
}
