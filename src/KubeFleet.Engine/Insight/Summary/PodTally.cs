using System.Text.Json;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>Counts a cluster's pods by phase, and those that are stuck: crash-looping or pending.</summary>
public sealed class PodTally
{
    /// <summary>The pod phases Kubernetes defines, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> Phases = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

    private readonly Dictionary<string, int> byPhase = Phases.ToDictionary(phase => phase, _ => 0, StringComparer.Ordinal);

    public int Total { get; private set; }

    /// <summary>Every phase in <see cref="Phases"/>, with zero for phases no pod is in.</summary>
    public IReadOnlyDictionary<string, int> ByPhase => byPhase;

    /// <summary>Pods with a container (init containers included) waiting in CrashLoopBackOff.</summary>
    public int CrashLooping { get; private set; }

    public int Pending => byPhase["Pending"];

    public void Add(JsonElement pod)
    {
        Total++;
        // A pod the kubelet has not reported on yet has no phase; the API's default is Pending.
        var phase = KubeObject.Text(pod, "status", "phase") ?? "Pending";
        byPhase[byPhase.ContainsKey(phase) ? phase : "Unknown"]++;
        if (IsCrashLooping(pod))
            CrashLooping++;
    }

    private static bool IsCrashLooping(JsonElement pod) =>
        new[] { "initContainerStatuses", "containerStatuses" }
            .SelectMany(statuses => KubeObject.Items(pod, "status", statuses))
            .Any(status => KubeObject.Text(status, "state", "waiting", "reason") == "CrashLoopBackOff");
}
