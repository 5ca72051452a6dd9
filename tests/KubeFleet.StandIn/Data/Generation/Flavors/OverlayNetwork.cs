namespace KubeFleet.StandIn.Data.Generation.Flavors;

/// <summary>An overlay pod network of 10.244.0.0/14 carved into one /24 per node, as flannel and Calico default to.</summary>
internal static class OverlayNetwork
{
    public static string NodeCidr(int nodeIndex) => $"10.{244 + (nodeIndex / 256)}.{nodeIndex % 256}.0/24";

    public static string PodIp(int nodeIndex, int ordinal) => $"10.{244 + (nodeIndex / 256)}.{nodeIndex % 256}.{ordinal + 2}";
}
