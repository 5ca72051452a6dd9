namespace KubeFleet.StandIn.Data.Generation.Flavors;

/// <summary>Azure AKS: scale-set node names, an overlay pod CIDR per node, Azure Disk volumes, public IPs.</summary>
internal sealed class AksFlavor : ClusterFlavor
{
    public override string? Region => "westeurope";

    public override IReadOnlyList<string> Zones { get; } = ["westeurope-1", "westeurope-2", "westeurope-3"];

    public override IReadOnlyList<MachineType> MachineTypes { get; } =
    [
        new("Standard_D4s_v5", 4, 16393220, 110),
        new("Standard_D8s_v5", 8, 32882632, 110),
    ];

    public override string OsImage => "Ubuntu 22.04.5 LTS";

    public override string KernelVersion => "5.15.0-1079-azure";

    public override string ContainerRuntimeVersion => "containerd://1.7.25-1";

    public override string ServiceIpPrefix => "10.0.";

    public override string StorageClass => "managed-csi";

    public override string StorageProvisioner => "disk.csi.azure.com";

    public override (string Name, string Image) NetworkAgent => ("azure-cns", "mcr.microsoft.com/containernetworking/azure-cns:v1.6.18");

    public override string CoreDnsImage => "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8";

    public override bool HasControlPlaneNodes => false;

    public override string KubeletVersion(ServerVersion version) => version.GitVersion;

    public override string KubeProxyImage(ServerVersion version) => $"mcr.microsoft.com/oss/kubernetes/kube-proxy:{version.GitVersion}";

    public override NodeIdentity NewNode(Entropy entropy, int index, string? zone, bool controlPlane)
    {
        var name = $"aks-nodepool1-31558042-vmss{index:x6}";
        var providerId = $"azure:///subscriptions/6b1f0c2a-58a4-4f6b-9c8e-2d7f1a3b5c6d/resourceGroups/mc_platform_aks_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-31558042-vmss/virtualMachines/{index}";
        return new NodeIdentity(name, $"10.224.{index / 250}.{(index % 250) + 4}", providerId, OverlayNetwork.NodeCidr(index), index);
    }

    public override string PodIp(NodeIdentity node, int ordinal) => OverlayNetwork.PodIp(node.Index, ordinal);

    public override string VolumeHandle(Entropy entropy) =>
        $"/subscriptions/6b1f0c2a-58a4-4f6b-9c8e-2d7f1a3b5c6d/resourceGroups/mc_platform_aks_westeurope/providers/Microsoft.Compute/disks/pvc-{entropy.Uid()}";

    public override string LoadBalancerAddress(Entropy entropy) => $"20.{entropy.Int(50, 120)}.{entropy.Int(0, 255)}.{entropy.Int(1, 255)}";

    public override IReadOnlyDictionary<string, string> NodeLabels(MachineType machine) => new Dictionary<string, string>
    {
        ["agentpool"] = "nodepool1",
        ["kubernetes.azure.com/agentpool"] = "nodepool1",
        ["kubernetes.azure.com/mode"] = "system",
        ["kubernetes.azure.com/os-sku"] = "Ubuntu",
    };
}
