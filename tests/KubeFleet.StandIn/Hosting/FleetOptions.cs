namespace KubeFleet.StandIn.Hosting;

/// <summary>What fleet to start. Every property has a default, so <c>new FleetOptions()</c> starts two small clusters.</summary>
public sealed record FleetOptions
{
    public int ClusterCount { get; init; } = 2;

    /// <summary>How many pods each cluster runs in all, its platform's own included.</summary>
    public int PodsPerCluster { get; init; } = 50;

    /// <summary>Decides the generated data; equal seeds give equal clusters.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Options for the cluster with the given 1-based index (cluster-01 is 1); null gives every cluster the defaults.</summary>
    public Func<int, ClusterOptions>? Cluster { get; init; }

    /// <summary>
    /// The instant the generated data describes (every timestamp precedes it). Null: the fleet's
    /// start, so kubectl's ages read like a live cluster's; fix it for byte-identical data across runs.
    /// </summary>
    public DateTimeOffset? DataObservedAt { get; init; }

    /// <summary>The clock for token expiry, certificate validity and fault timing.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal ClusterOptions ForCluster(int index) => Cluster?.Invoke(index) ?? new ClusterOptions();
}
