using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// How registering a cluster, or rotating its credential, ended: the cluster as saved, or the
/// error that stopped it (nothing saved then), and what the user should be told either way.
/// </summary>
public sealed record RegistryOutcome
{
    public required string ClusterName { get; init; }

    /// <summary>The cluster as the profile now holds it; null when <see cref="Error"/> stopped the change.</summary>
    public ClusterRecord? Cluster { get; init; }

    public KubeFleetException? Error { get; init; }

    /// <summary>What needs the user's attention: an expiring certificate, a cluster registered twice.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What was found and done, one sentence each: the verified facts, what was saved.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}
