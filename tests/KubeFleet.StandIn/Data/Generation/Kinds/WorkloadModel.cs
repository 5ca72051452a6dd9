using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>
/// A workload object (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job): its selector, template and the
/// counts its controller reports, taken from the pods that were actually generated for it.
/// </summary>
internal sealed record WorkloadModel
{
    public required ObjectMeta Meta { get; init; }

    public required IReadOnlyDictionary<string, string> Selector { get; init; }

    public required PodTemplate Template { get; init; }

    /// <summary>Desired replicas (for a DaemonSet: nodes that should run it).</summary>
    public int Replicas { get; init; }

    /// <summary>Pods that exist and are not terminal.</summary>
    public int Current { get; init; }

    public int Ready { get; init; }

    /// <summary>When the newest replica became ready (conditions' transition times).</summary>
    public required DateTimeOffset LastChange { get; init; }
}
