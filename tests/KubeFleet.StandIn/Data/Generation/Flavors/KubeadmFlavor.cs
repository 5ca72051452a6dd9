namespace KubeFleet.StandIn.Data.Generation.Flavors;

/// <summary>kubeadm on premises: a control-plane node with static pods, Calico, local-path storage, MetalLB addresses.</summary>
internal sealed class KubeadmFlavor : ClusterFlavor
{
    public override string? Region => null;

    public override IReadOnlyList<string> Zones { get; } = [];

    public override IReadOnlyList<MachineType> MachineTypes { get; } = [new("", 8, 32863616, 110)];

    public override string OsImage => "Ubuntu 24.04.1 LTS";

    public override string KernelVersion => "6.8.0-51-generic";

    public override string ContainerRuntimeVersion => "containerd://1.7.24";

    public override string ServiceIpPrefix => "10.96.";

    public override string StorageClass => "local-path";

    public override string StorageProvisioner => "rancher.io/local-path";

    public override (string Name, string Image) NetworkAgent => ("calico-node", "docker.io/calico/node:v3.29.1");

    public override string CoreDnsImage => "registry.k8s.io/coredns/coredns:v1.11.3";

    public override bool HasControlPlaneNodes => true;

    public override string KubeletVersion(ServerVersion version) => version.GitVersion;

    public override string KubeProxyImage(ServerVersion version) => $"registry.k8s.io/kube-proxy:{version.GitVersion}";

    public override NodeIdentity NewNode(Entropy entropy, int index, string? zone, bool controlPlane) =>
        new(controlPlane ? "k8s-cp-1" : $"k8s-worker-{index}", $"192.168.{10 + (index / 240)}.{(index % 240) + 11}", null, OverlayNetwork.NodeCidr(index), index);

    public override string PodIp(NodeIdentity node, int ordinal) => OverlayNetwork.PodIp(node.Index, ordinal);

    public override string VolumeHandle(Entropy entropy) => "pvc-" + entropy.Uid();

    public override string LoadBalancerAddress(Entropy entropy) => $"192.168.10.{entropy.Int(200, 250)}";

    public override IReadOnlyDictionary<string, string> NodeLabels(MachineType machine) => new Dictionary<string, string>();
}
