using System.Globalization;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Status;

/// <summary>How many replicas of a workload are ready, out of how many it should have (kubectl's READY column).</summary>
internal static class WorkloadStatus
{
    /// <summary>
    /// Deployments, stateful sets, replica sets and replication controllers: ready replicas out of
    /// <c>spec.replicas</c> (1 when unset, the API's default).
    /// </summary>
    public static string Replicas(JsonElement workload) =>
        Ready(StatusJson.Integer(workload, "status", "readyReplicas"), StatusJson.OptionalInteger(workload, "spec", "replicas") ?? 1);

    /// <summary>Daemon sets: ready pods out of the nodes that should run one.</summary>
    public static string DaemonSet(JsonElement daemonSet) =>
        Ready(StatusJson.Integer(daemonSet, "status", "numberReady"), StatusJson.Integer(daemonSet, "status", "desiredNumberScheduled"));

    private static string Ready(long ready, long desired) => string.Create(CultureInfo.InvariantCulture, $"{ready}/{desired} ready");
}
