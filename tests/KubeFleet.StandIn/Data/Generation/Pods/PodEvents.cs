using KubeFleet.StandIn.Data.Generation.Kinds;

namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>
/// The events a pod's recent history leaves behind. Events live an hour, so only what happened in the last
/// hour — a fresh start, a back-off loop, a failing probe, a pull error, a pod no node takes — is recorded.
/// </summary>
internal sealed class PodEvents(GenerationContext context)
{
    private static readonly TimeSpan EventLifetime = TimeSpan.FromHours(1);

    public void Record(PodModel pod, string resourceVersion, NodeSlot? node)
    {
        var container = pod.Spec.Containers[0];
        var fieldPath = $"spec.containers{{{container.Name}}}";
        var now = context.Now;
        var recentStart = now - pod.Meta.Created < EventLifetime;
        switch (pod.State)
        {
            case PodState.Unschedulable:
                Add(pod, resourceVersion, "FailedScheduling", pod.SchedulingMessage!, "default-scheduler", null, null, "Warning", Since(pod.Meta.Created), now, context.Entropy.Int(2, 40));
                return;
            case PodState.CrashLoopBackOff:
                Add(pod, resourceVersion, "BackOff", $"Back-off restarting failed container {container.Name} in pod {pod.Meta.Name}_{pod.Meta.Namespace}({pod.Meta.Uid})",
                    "kubelet", node?.Name, fieldPath, "Warning", Since(pod.Meta.Created), now, pod.Restarts * 4);
                Add(pod, resourceVersion, "Pulled", $"Container image \"{container.Image}\" already present on machine",
                    "kubelet", node?.Name, fieldPath, "Normal", Since(pod.Meta.Created), pod.LastTermination ?? now, pod.Restarts + 1);
                return;
            case PodState.NotReady:
                Add(pod, resourceVersion, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
                    "kubelet", node?.Name, fieldPath, "Warning", Since(pod.Meta.Created), now, context.Entropy.Int(20, 360));
                return;
            case PodState.ImagePullBackOff:
                var image = container.Image;
                Add(pod, resourceVersion, "Pulling", $"Pulling image \"{image}\"", "kubelet", node?.Name, fieldPath, "Normal", Since(pod.Meta.Created), now, 12);
                Add(pod, resourceVersion, "Failed", $"Failed to pull image \"{image}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{ImageReference.Qualified(image)}\": failed to resolve reference \"{ImageReference.Qualified(image)}\": not found",
                    "kubelet", node?.Name, fieldPath, "Warning", Since(pod.Meta.Created), now, 12);
                Add(pod, resourceVersion, "BackOff", $"Back-off pulling image \"{image}\"", "kubelet", node?.Name, fieldPath, "Normal", Since(pod.Meta.Created), now, 48);
                return;
        }

        if (!recentStart || pod.StartTime is not { } started)
        {
            return;
        }

        Add(pod, resourceVersion, "Scheduled", $"Successfully assigned {pod.Meta.Namespace}/{pod.Meta.Name} to {node?.Name}", "default-scheduler", null, null, "Normal", pod.Meta.Created, pod.Meta.Created, 1);
        if (pod.State == PodState.ContainerCreating)
        {
            return;
        }

        Add(pod, resourceVersion, "Pulled", $"Container image \"{container.Image}\" already present on machine", "kubelet", node?.Name, fieldPath, "Normal", started, started, 1);
        Add(pod, resourceVersion, "Created", $"Created container: {container.Name}", "kubelet", node?.Name, fieldPath, "Normal", started, started, 1);
        Add(pod, resourceVersion, "Started", $"Started container {container.Name}", "kubelet", node?.Name, fieldPath, "Normal", started, started, 1);
    }

    private DateTimeOffset Since(DateTimeOffset created) => created > context.Now - EventLifetime ? created : context.Now - EventLifetime;

    private void Add(
        PodModel pod, string resourceVersion, string reason, string message, string component, string? host, string? fieldPath,
        string type, DateTimeOffset firstSeen, DateTimeOffset lastSeen, int count)
    {
        var meta = context.Meta(context.EventName(pod.Meta.Name, firstSeen), pod.Meta.Namespace, firstSeen);
        var model = new EventModel
        {
            Meta = meta,
            InvolvedKind = "Pod",
            InvolvedApiVersion = "v1",
            InvolvedName = pod.Meta.Name,
            InvolvedUid = pod.Meta.Uid,
            InvolvedNamespace = pod.Meta.Namespace,
            FieldPath = fieldPath,
            Reason = reason,
            Message = message,
            Component = component,
            Host = host,
            FirstSeen = firstSeen,
            LastSeen = lastSeen < firstSeen ? firstSeen : lastSeen,
            Count = Math.Max(1, count),
            Type = type,
        };
        context.Events.Add((model, resourceVersion));
    }
}
