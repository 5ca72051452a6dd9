using KubeFleet.StandIn.Data.Generation.Flavors;

namespace KubeFleet.StandIn.Data.Generation;

/// <summary>A node while the cluster is being generated: its identity, health, and the pods placed on it.</summary>
internal sealed class NodeSlot(NodeIdentity identity, string uid, MachineType machine, string? zone, DateTimeOffset created, bool controlPlane)
{
    private readonly HashSet<string> images = [];

    public NodeIdentity Identity { get; } = identity;

    public string Name => Identity.Name;

    /// <summary>Known before the Node object is written: static pods name their node as owner.</summary>
    public string Uid { get; } = uid;

    public MachineType Machine { get; } = machine;

    public string? Zone { get; } = zone;

    public DateTimeOffset Created { get; } = created;

    public bool ControlPlane { get; } = controlPlane;

    public bool Ready { get; set; } = true;

    public bool Cordoned { get; set; }

    public int Pods { get; private set; }

    /// <summary>The images pulled onto the node, in the order they were first used.</summary>
    public IReadOnlyCollection<string> Images => images;

    /// <summary>Whether new workload pods may land here (control-plane nodes are tainted).</summary>
    public bool AcceptsWorkloads => Ready && !Cordoned && !ControlPlane && Pods < Machine.MaxPods;

    /// <summary>Places a pod; returns its ordinal on the node (which decides its address).</summary>
    public int Place(IEnumerable<string> podImages)
    {
        foreach (var image in podImages)
        {
            images.Add(image);
        }

        return Pods++;
    }
}
