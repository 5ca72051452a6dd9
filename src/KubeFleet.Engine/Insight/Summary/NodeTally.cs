using System.Text.Json;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>Counts a cluster's nodes, how many are Ready, and adds up their CPU and memory.</summary>
public sealed class NodeTally
{
    public int Total { get; private set; }

    /// <summary>Nodes whose Ready condition is True.</summary>
    public int Ready { get; private set; }

    /// <summary>CPU cores of all nodes (<c>status.capacity.cpu</c>).</summary>
    public decimal CpuCapacity { get; private set; }

    /// <summary>CPU cores left for pods once the system's reservations are taken (<c>status.allocatable.cpu</c>).</summary>
    public decimal CpuAllocatable { get; private set; }

    public long MemoryCapacityBytes { get; private set; }

    public long MemoryAllocatableBytes { get; private set; }

    public void Add(JsonElement node)
    {
        Total++;
        if (KubeObject.Items(node, "status", "conditions").Any(condition =>
                KubeObject.Text(condition, "type") == "Ready" && KubeObject.Text(condition, "status") == "True"))
            Ready++;
        CpuCapacity += Cores(node, "capacity");
        CpuAllocatable += Cores(node, "allocatable");
        MemoryCapacityBytes += Bytes(node, "capacity");
        MemoryAllocatableBytes += Bytes(node, "allocatable");
    }

    // The API server stores quantities in canonical form; a node without a figure adds nothing.
    private static decimal Cores(JsonElement node, string list) =>
        ResourceQuantity.TryParse(KubeObject.Text(node, "status", list, "cpu"), out var cores) ? cores : 0;

    private static long Bytes(JsonElement node, string list) =>
        ResourceQuantity.TryParseBytes(KubeObject.Text(node, "status", list, "memory"), out var bytes) ? bytes : 0;
}
