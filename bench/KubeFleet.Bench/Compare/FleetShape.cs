namespace KubeFleet.Bench.Compare;

/// <summary>A fleet a scenario runs against: how many clusters, how many pods each.</summary>
internal sealed record FleetShape(int Clusters, int PodsPerCluster)
{
    /// <summary>The headline: 20 clusters of 5,000 pods.</summary>
    public static readonly FleetShape Headline = new(20, 5_000);

    public static readonly FleetShape ManySmall = new(100, 200);

    public static readonly FleetShape OneBig = new(1, 20_000);

    public long Pods => (long)Clusters * PodsPerCluster;

    public override string ToString() => $"{Clusters:N0} × {PodsPerCluster:N0} pods";
}
