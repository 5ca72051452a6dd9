namespace KubeFleet.StandIn.Data.Generation.Flavors;

/// <summary>
/// Where a cluster runs, and everything that follows from it: node names and addresses, machine types, OS
/// images, the CNI, storage, load balancer addresses. Fleets mix flavors as real estates do.
/// </summary>
internal abstract class ClusterFlavor
{
    public static IReadOnlyList<ClusterFlavor> All { get; } = [new EksFlavor(), new AksFlavor(), new KubeadmFlavor()];

    /// <summary>Null on premises: such nodes carry no region or zone labels.</summary>
    public abstract string? Region { get; }

    public abstract IReadOnlyList<string> Zones { get; }

    public abstract IReadOnlyList<MachineType> MachineTypes { get; }

    public abstract string OsImage { get; }

    public abstract string KernelVersion { get; }

    public abstract string ContainerRuntimeVersion { get; }

    /// <summary>First three octets' worth of the service CIDR, e.g. <c>172.20.</c>; the rest is allocated.</summary>
    public abstract string ServiceIpPrefix { get; }

    public abstract string StorageClass { get; }

    public abstract string StorageProvisioner { get; }

    /// <summary>The CNI's node agent, run as a DaemonSet in kube-system.</summary>
    public abstract (string Name, string Image) NetworkAgent { get; }

    public abstract string CoreDnsImage { get; }

    public abstract bool HasControlPlaneNodes { get; }

    public abstract string KubeletVersion(ServerVersion version);

    public abstract string KubeProxyImage(ServerVersion version);

    public abstract NodeIdentity NewNode(Entropy entropy, int index, string? zone, bool controlPlane);

    /// <summary>The <paramref name="ordinal"/>th pod address on a node (the VPC CNI uses node subnets, overlays the pod CIDR).</summary>
    public abstract string PodIp(NodeIdentity node, int ordinal);

    public abstract string VolumeHandle(Entropy entropy);

    public abstract string LoadBalancerAddress(Entropy entropy);

    /// <summary>Provider-specific node labels (node group, capacity type...).</summary>
    public abstract IReadOnlyDictionary<string, string> NodeLabels(MachineType machine);
}

/// <summary>A node size: what the kubelet reports as capacity.</summary>
internal sealed record MachineType(string Name, int Cpu, long MemoryKi, int MaxPods);

/// <summary>How a node is named and addressed.</summary>
internal sealed record NodeIdentity(string Name, string InternalIp, string? ProviderId, string? PodCidr, int Index);
