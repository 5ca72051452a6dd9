using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>A node as the kubelet registers and reports it.</summary>
internal sealed record NodeModel
{
    public required ObjectMeta Meta { get; init; }

    public string? PodCidr { get; init; }

    public string? ProviderId { get; init; }

    public bool Unschedulable { get; init; }

    public IReadOnlyList<TaintModel> Taints { get; init; } = [];

    /// <summary>False for a node whose kubelet stopped posting status.</summary>
    public bool Ready { get; init; } = true;

    public required IReadOnlyDictionary<string, string> Capacity { get; init; }

    public required IReadOnlyDictionary<string, string> Allocatable { get; init; }

    public required string InternalIp { get; init; }

    public string? ExternalIp { get; init; }

    public required DateTimeOffset LastHeartbeat { get; init; }

    public required string MachineId { get; init; }

    public required string SystemUuid { get; init; }

    public required string BootId { get; init; }

    public required string KernelVersion { get; init; }

    public required string OsImage { get; init; }

    public required string ContainerRuntimeVersion { get; init; }

    public required string KubeletVersion { get; init; }

    /// <summary>Images present on the node, biggest first, as the kubelet reports them (at most 50).</summary>
    public IReadOnlyList<(IReadOnlyList<string> Names, long SizeBytes)> Images { get; init; } = [];
}

internal sealed record TaintModel(string Key, string Effect, string? Value = null, DateTimeOffset? TimeAdded = null);

internal static class NodeWriter
{
    public static void Write(Utf8JsonWriter writer, NodeModel node, string resourceVersion)
    {
        writer.WriteStartObject();
        node.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        if (node.PodCidr is { } cidr)
        {
            writer.WriteString("podCIDR", cidr);
            writer.WriteStringArray("podCIDRs", [cidr]);
        }

        writer.WriteStringIfAny("providerID", node.ProviderId);
        if (node.Unschedulable)
        {
            writer.WriteBoolean("unschedulable", true);
        }

        if (node.Taints.Count > 0)
        {
            writer.WriteStartArray("taints");
            foreach (var taint in node.Taints)
            {
                writer.WriteStartObject();
                writer.WriteString("key", taint.Key);
                writer.WriteStringIfAny("value", taint.Value);
                writer.WriteString("effect", taint.Effect);
                if (taint.TimeAdded is { } added)
                {
                    writer.WriteTime("timeAdded", added);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        WriteStatus(writer, node);
        writer.WriteEndObject();
    }

    private static void WriteStatus(Utf8JsonWriter writer, NodeModel node)
    {
        writer.WriteStartObject("status");
        writer.WriteStringMap("capacity", node.Capacity);
        writer.WriteStringMap("allocatable", node.Allocatable);
        writer.WriteStartArray("conditions");
        var since = node.Meta.Created;
        if (node.Ready)
        {
            WriteCondition(writer, "MemoryPressure", "False", node.LastHeartbeat, since, "KubeletHasSufficientMemory", "kubelet has sufficient memory available");
            WriteCondition(writer, "DiskPressure", "False", node.LastHeartbeat, since, "KubeletHasNoDiskPressure", "kubelet has no disk pressure");
            WriteCondition(writer, "PIDPressure", "False", node.LastHeartbeat, since, "KubeletHasSufficientPID", "kubelet has sufficient PID available");
            WriteCondition(writer, "Ready", "True", node.LastHeartbeat, since, "KubeletReady", "kubelet is posting ready status");
        }
        else
        {
            var lost = node.LastHeartbeat.AddSeconds(40);
            foreach (var type in new[] { "MemoryPressure", "DiskPressure", "PIDPressure", "Ready" })
            {
                WriteCondition(writer, type, "Unknown", node.LastHeartbeat, lost, "NodeStatusUnknown", "Kubelet stopped posting node status.");
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("addresses");
        WriteAddress(writer, "InternalIP", node.InternalIp);
        if (node.ExternalIp is { } external)
        {
            WriteAddress(writer, "ExternalIP", external);
        }

        WriteAddress(writer, "Hostname", node.Meta.Name);
        writer.WriteEndArray();
        writer.WriteStartObject("daemonEndpoints");
        writer.WriteStartObject("kubeletEndpoint");
        writer.WriteNumber("Port", 10250);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("nodeInfo");
        writer.WriteString("machineID", node.MachineId);
        writer.WriteString("systemUUID", node.SystemUuid);
        writer.WriteString("bootID", node.BootId);
        writer.WriteString("kernelVersion", node.KernelVersion);
        writer.WriteString("osImage", node.OsImage);
        writer.WriteString("containerRuntimeVersion", node.ContainerRuntimeVersion);
        writer.WriteString("kubeletVersion", node.KubeletVersion);
        writer.WriteString("kubeProxyVersion", node.KubeletVersion);
        writer.WriteString("operatingSystem", "linux");
        writer.WriteString("architecture", node.Meta.Labels["kubernetes.io/arch"]);
        writer.WriteEndObject();
        writer.WriteStartArray("images");
        foreach (var (names, size) in node.Images)
        {
            writer.WriteStartObject();
            writer.WriteStringArray("names", names);
            writer.WriteNumber("sizeBytes", size);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, string type, string status, DateTimeOffset heartbeat, DateTimeOffset since, string reason, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("status", status);
        writer.WriteTime("lastHeartbeatTime", heartbeat);
        writer.WriteTime("lastTransitionTime", since);
        writer.WriteString("reason", reason);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, string type, string address)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("address", address);
        writer.WriteEndObject();
    }
}
