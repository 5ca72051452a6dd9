namespace KubeFleet.StandIn.Data.Generation.Flavors;

/// <summary>Amazon EKS: managed control plane, VPC CNI (pods take VPC addresses), EBS volumes, ELB hostnames.</summary>
internal sealed class EksFlavor : ClusterFlavor
{
    public override string? Region => "eu-west-1";

    public override IReadOnlyList<string> Zones { get; } = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

    public override IReadOnlyList<MachineType> MachineTypes { get; } =
    [
        new("m6i.xlarge", 4, 16069064, 58),
        new("m6i.2xlarge", 8, 32408320, 58),
        new("r6i.xlarge", 4, 32408320, 58),
    ];

    public override string OsImage => "Amazon Linux 2023.6.20250303";

    public override string KernelVersion => "6.1.128-136.201.amzn2023.x86_64";

    public override string ContainerRuntimeVersion => "containerd://1.7.25";

    public override string ServiceIpPrefix => "172.20.";

    public override string StorageClass => "gp3";

    public override string StorageProvisioner => "ebs.csi.aws.com";

    public override (string Name, string Image) NetworkAgent => ("aws-node", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1");

    public override string CoreDnsImage => "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.4-eksbuild.2";

    public override bool HasControlPlaneNodes => false;

    public override string KubeletVersion(ServerVersion version) => version.GitVersion + "-eks-5d632ec";

    public override string KubeProxyImage(ServerVersion version) =>
        $"602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:{version.GitVersion}-minimal-eksbuild.2";

    public override NodeIdentity NewNode(Entropy entropy, int index, string? zone, bool controlPlane)
    {
        var subnet = 16 * (Zones.ToList().IndexOf(zone!) + 1);
        var ip = $"10.0.{subnet + (index / 250)}.{(index % 250) + 4}";
        var name = $"ip-{ip.Replace('.', '-')}.eu-west-1.compute.internal";
        return new NodeIdentity(name, ip, $"aws:///{zone}/i-0{entropy.Hex(16)}", null, index);
    }

    public override string PodIp(NodeIdentity node, int ordinal)
    {
        // Each node's ENIs hold at most 64 secondary addresses, so node index and ordinal give a unique address.
        var slot = (node.Index * 64) + ordinal;
        return $"10.0.{64 + (slot / 250)}.{(slot % 250) + 4}";
    }

    public override string VolumeHandle(Entropy entropy) => "vol-0" + entropy.Hex(16);

    public override string LoadBalancerAddress(Entropy entropy) =>
        $"a{entropy.Hex(31)}-{entropy.Digits(10)}.eu-west-1.elb.amazonaws.com";

    public override IReadOnlyDictionary<string, string> NodeLabels(MachineType machine) => new Dictionary<string, string>
    {
        ["eks.amazonaws.com/capacityType"] = "ON_DEMAND",
        ["eks.amazonaws.com/nodegroup"] = "general-" + machine.Name.Split('.')[0],
        ["k8s.io/cloud-provider-aws"] = "2b8b3a5c4d4e2f1a0b9c8d7e6f5a4b3c",
    };
}
