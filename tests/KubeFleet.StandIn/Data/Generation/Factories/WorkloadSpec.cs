using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>What a workload generator needs, whoever deploys it: an application team or the platform.</summary>
internal sealed record WorkloadSpec
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyDictionary<string, string> Selector { get; init; }

    /// <summary>The pod template of the rollout that many rollouts before the current one (0: the current one).</summary>
    public required Func<int, PodTemplate> Template { get; init; }

    public int Replicas { get; init; } = 1;

    public AppHealth Health { get; init; } = AppHealth.Healthy;

    /// <summary>Pods the kubelet evicted under memory pressure and nobody cleaned up, on top of the replicas.</summary>
    public int Evicted { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The field manager that created the workload: a deployment tool or a user's kubectl.</summary>
    public string Manager { get; init; } = "kubectl-client-side-apply";
}

/// <summary>How many pods a workload ended up with, and how many of them are ready.</summary>
internal sealed record WorkloadOutcome(string Uid, int Pods, int Ready, PodTemplate Template);
