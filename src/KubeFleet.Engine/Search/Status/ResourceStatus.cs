using System.Text.Json;
using KubeFleet.Engine.Discovery;

namespace KubeFleet.Engine.Search.Status;

/// <summary>
/// A one-line status for the kinds whose state people check at a glance, worded as kubectl's
/// columns are; empty for every other kind.
/// </summary>
internal static class ResourceStatus
{
    private static readonly Dictionary<(string Group, string Kind), Func<JsonElement, string>> Summaries = new()
    {
        [("", "Pod")] = PodStatus.Summarize,
        [("apps", "Deployment")] = WorkloadStatus.Replicas,
        [("apps", "StatefulSet")] = WorkloadStatus.Replicas,
        [("apps", "ReplicaSet")] = WorkloadStatus.Replicas,
        [("", "ReplicationController")] = WorkloadStatus.Replicas,
        [("apps", "DaemonSet")] = WorkloadStatus.DaemonSet,
        [("batch", "Job")] = BatchStatus.Job,
        [("batch", "CronJob")] = BatchStatus.CronJob,
        [("", "Node")] = InfrastructureStatus.Node,
        [("", "Namespace")] = InfrastructureStatus.Phase,
        [("", "PersistentVolumeClaim")] = InfrastructureStatus.Phase,
        [("", "PersistentVolume")] = InfrastructureStatus.Phase,
        [("", "Service")] = InfrastructureStatus.Service,
    };

    public static string Summarize(ApiResource resource, ReadOnlyMemory<byte> json)
    {
        if (!Summaries.TryGetValue((resource.Group, resource.Kind), out var summarize))
        {
            return "";
        }

        using var document = JsonDocument.Parse(json);
        return summarize(document.RootElement);
    }
}
