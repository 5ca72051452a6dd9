using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>
/// Writes a pod as the API server returns it: metadata, the admitted spec, and the status the kubelet (or the
/// scheduler, for a pod no node takes) reports for its <see cref="PodState"/>.
/// </summary>
internal static class PodWriter
{
    public static void Write(Utf8JsonWriter writer, PodModel pod, string resourceVersion)
    {
        writer.WriteStartObject();
        pod.Meta.Write(writer, resourceVersion);
        PodSpecWriter.WritePodSpec(writer, pod.Spec, pod.Placement);
        WriteStatus(writer, pod);
        writer.WriteEndObject();
    }

    /// <summary>The phase the kubelet reports for a state.</summary>
    public static string Phase(PodState state) => state switch
    {
        PodState.Running or PodState.NotReady or PodState.CrashLoopBackOff => "Running",
        PodState.Unschedulable or PodState.ImagePullBackOff or PodState.ContainerCreating => "Pending",
        PodState.Succeeded => "Succeeded",
        _ => "Failed",
    };

    private static void WriteStatus(Utf8JsonWriter writer, PodModel pod)
    {
        writer.WriteStartObject("status");
        writer.WriteString("phase", Phase(pod.State));
        WriteConditions(writer, pod);
        if (pod.State == PodState.Evicted)
        {
            writer.WriteString("message", EvictionMessage);
            writer.WriteString("reason", "Evicted");
        }

        if (pod.HostIp is { } hostIp)
        {
            writer.WriteString("hostIP", hostIp);
            WriteIpList(writer, "hostIPs", hostIp);
        }

        if (pod.PodIp is { } podIp)
        {
            writer.WriteString("podIP", podIp);
            WriteIpList(writer, "podIPs", podIp);
        }

        if (pod.StartTime is { } startTime)
        {
            writer.WriteTime("startTime", startTime);
        }

        if (pod.State != PodState.Unschedulable)
        {
            writer.WriteStartArray("containerStatuses");
            for (var i = 0; i < pod.Spec.Containers.Count; i++)
            {
                WriteContainerStatus(writer, pod, i);
            }

            writer.WriteEndArray();
        }

        writer.WriteString("qosClass", pod.Spec.QosClass);
        writer.WriteEndObject();
    }

    private static void WriteIpList(Utf8JsonWriter writer, string name, string ip)
    {
        writer.WriteStartArray(name);
        writer.WriteStartObject();
        writer.WriteString("ip", ip);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private const string EvictionMessage = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 92412Ki. ";

    private static void WriteConditions(Utf8JsonWriter writer, PodModel pod)
    {
        var created = pod.Meta.Created;
        var started = pod.StartTime ?? created;
        writer.WriteStartArray("conditions");
        if (pod.State == PodState.Unschedulable)
        {
            WriteCondition(writer, "PodScheduled", "False", created, "Unschedulable", pod.SchedulingMessage);
            writer.WriteEndArray();
            return;
        }

        if (pod.State == PodState.Evicted)
        {
            WriteCondition(writer, "DisruptionTarget", "True", pod.FinishedAt ?? started, "TerminationByKubelet", EvictionMessage.TrimEnd());
        }

        var terminal = pod.State is PodState.Succeeded or PodState.Failed or PodState.Evicted;
        var finished = pod.FinishedAt ?? started;
        var sandboxReady = pod.State is not (PodState.ContainerCreating or PodState.Succeeded or PodState.Failed or PodState.Evicted);
        WriteCondition(writer, "PodReadyToStartContainers", sandboxReady ? "True" : "False", terminal ? finished : started);
        var completedReason = pod.State == PodState.Succeeded ? "PodCompleted" : null;
        WriteCondition(writer, "Initialized", "True", started, completedReason);
        var (ready, readyReason, readyMessage, readySince) = pod.State switch
        {
            PodState.Running => ("True", null, null, pod.LastTermination ?? started),
            PodState.Succeeded => ("False", "PodCompleted", null, finished),
            PodState.Failed or PodState.Evicted => ("False", "PodFailed", null, finished),
            _ => ("False", "ContainersNotReady", $"containers with unready status: [{pod.Spec.Containers[0].Name}]", pod.LastTermination ?? started),
        };
        WriteCondition(writer, "Ready", ready, readySince, readyReason, readyMessage);
        WriteCondition(writer, "ContainersReady", ready, readySince, readyReason, readyMessage);
        WriteCondition(writer, "PodScheduled", "True", created);
        writer.WriteEndArray();
    }

    private static void WriteCondition(Utf8JsonWriter writer, string type, string status, DateTimeOffset since, string? reason = null, string? message = null)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("status", status);
        writer.WriteNull("lastProbeTime");
        writer.WriteTime("lastTransitionTime", since);
        writer.WriteStringIfAny("reason", reason);
        writer.WriteStringIfAny("message", message);
        writer.WriteEndObject();
    }

    private static void WriteContainerStatus(Utf8JsonWriter writer, PodModel pod, int index)
    {
        var container = pod.Spec.Containers[index];
        var containerId = "containerd://" + pod.ContainerIds[index];
        var main = index == 0;
        var state = main ? pod.State : SidecarState(pod.State);
        var started = pod.StartTime ?? pod.Meta.Created;
        var currentRunStart = main && pod.LastTermination is { } lastTermination ? lastTermination : started;
        var created = state is not (PodState.ImagePullBackOff or PodState.ContainerCreating);

        // An evicted pod's containers are gone: the kubelet reports them without runtime IDs.
        var located = created && state != PodState.Evicted;

        writer.WriteStartObject();
        writer.WriteString("name", container.Name);
        writer.WriteStartObject("state");
        switch (state)
        {
            case PodState.CrashLoopBackOff:
                WriteWaiting(writer, "CrashLoopBackOff", $"back-off 5m0s restarting failed container={container.Name} pod={pod.Meta.Name}_{pod.Meta.Namespace}({pod.Meta.Uid})");
                break;
            case PodState.ImagePullBackOff:
                WriteWaiting(writer, "ImagePullBackOff", $"Back-off pulling image \"{container.Image}\"");
                break;
            case PodState.ContainerCreating:
                WriteWaiting(writer, "ContainerCreating", null);
                break;
            case PodState.Succeeded:
                WriteTerminated(writer, 0, "Completed", started, pod.FinishedAt ?? started, containerId);
                break;
            case PodState.Failed:
                WriteTerminated(writer, 1, "Error", started, pod.FinishedAt ?? started, containerId);
                break;
            case PodState.Evicted:
                WriteTerminated(writer, 137, "ContainerStatusUnknown", started, pod.FinishedAt ?? started, null, "The container could not be located when the pod was terminated");
                break;
            default:
                writer.WriteStartObject("running");
                writer.WriteTime("startedAt", currentRunStart);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
        writer.WriteStartObject("lastState");
        if (main && pod.Restarts > 0 && pod.LastTermination is { } lastExit)
        {
            var crashed = pod.State == PodState.CrashLoopBackOff;
            WriteTerminated(writer, crashed ? 1 : 137, crashed ? "Error" : "OOMKilled", lastExit.AddMinutes(-3), lastExit, containerId);
        }

        writer.WriteEndObject();
        writer.WriteBoolean("ready", state is PodState.Running);
        writer.WriteNumber("restartCount", main ? pod.Restarts : 0);
        writer.WriteString("image", located ? ImageReference.Qualified(container.Image) : container.Image);
        writer.WriteString("imageID", located ? ImageReference.Id(container.Image) : "");
        if (located)
        {
            writer.WriteString("containerID", containerId);
        }

        writer.WriteBoolean("started", state is PodState.Running or PodState.NotReady);
        if (created)
        {
            WriteStatusVolumeMounts(writer, pod, container);
        }

        writer.WriteEndObject();
    }

    /// <summary>Containers other than the first follow the pod's lifecycle but not its main container's trouble.</summary>
    private static PodState SidecarState(PodState podState) => podState switch
    {
        PodState.NotReady or PodState.CrashLoopBackOff => PodState.Running,
        PodState.ImagePullBackOff => PodState.ContainerCreating,
        _ => podState,
    };

    private static void WriteWaiting(Utf8JsonWriter writer, string reason, string? message)
    {
        writer.WriteStartObject("waiting");
        writer.WriteString("reason", reason);
        writer.WriteStringIfAny("message", message);
        writer.WriteEndObject();
    }

    private static void WriteTerminated(Utf8JsonWriter writer, int exitCode, string reason, DateTimeOffset startedAt, DateTimeOffset finishedAt, string? containerId, string? message = null)
    {
        writer.WriteStartObject("terminated");
        writer.WriteNumber("exitCode", exitCode);
        writer.WriteString("reason", reason);
        writer.WriteStringIfAny("message", message);
        writer.WriteTime("startedAt", startedAt);
        writer.WriteTime("finishedAt", finishedAt);
        writer.WriteStringIfAny("containerID", containerId);
        writer.WriteEndObject();
    }

    private static void WriteStatusVolumeMounts(Utf8JsonWriter writer, PodModel pod, ContainerModel container)
    {
        writer.WriteStartArray("volumeMounts");
        foreach (var mount in container.VolumeMounts.Append(PodSpecWriter.ApiAccessMount(pod.Placement.ApiAccessVolume)))
        {
            writer.WriteStartObject();
            writer.WriteString("name", mount.Name);
            writer.WriteString("mountPath", mount.MountPath);
            if (mount.ReadOnly)
            {
                writer.WriteBoolean("readOnly", true);
                writer.WriteString("recursiveReadOnly", "Disabled");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
