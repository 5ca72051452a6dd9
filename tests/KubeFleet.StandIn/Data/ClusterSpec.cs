namespace KubeFleet.StandIn.Data;

/// <summary>
/// What a stand-in cluster should look like. Two clusters generated from equal specs are identical, byte for
/// byte; the seed alone decides names, UIDs, placement and states.
/// </summary>
public sealed record ClusterSpec(string Name)
{
    /// <summary>The instant the default <see cref="ObservedAt"/> names: fixed, so generation is reproducible.</summary>
    public static readonly DateTimeOffset DefaultObservedAt = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    public int Seed { get; init; }

    /// <summary>
    /// How many pods the cluster runs in all. The platform's own (DNS, node agents on every node, monitoring,
    /// ingress, cert-manager) come first; applications share the rest. It must leave room for one application pod.
    /// </summary>
    public int Pods { get; init; } = 300;

    public int ServerMinor { get; init; } = ServerVersion.DefaultMinor;

    /// <summary>Whether cert-manager is installed: its CRDs, custom resources and its own workloads.</summary>
    public bool ServesCertManager { get; init; } = true;

    /// <summary>
    /// The moment the cluster's contents describe: every timestamp lies before it (ages are measured from the
    /// request time, as the real server does).
    /// </summary>
    public DateTimeOffset ObservedAt { get; init; } = DefaultObservedAt;
}
