using KubeFleet.StandIn.Data.Catalog;

namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>
/// Creates pods the way a cluster would: the scheduler places them, the kubelet starts them and reports
/// their state, and the events of their recent history are recorded.
/// </summary>
internal sealed class PodFactory(GenerationContext context)
{
    private static readonly ResourceType PodType = BuiltInResources.Get("", "pods");

    private readonly PodEvents events = new(context);

    /// <summary>How many pods were created so far.</summary>
    public int Created { get; private set; }

    /// <summary>Creates and stores one pod; returns it with the resourceVersion it was stored at.</summary>
    public (PodModel Pod, string ResourceVersion) Create(PodRequest request)
    {
        var entropy = context.Entropy;
        var node = request.State == PodState.Unschedulable ? null : request.Node ?? PickNode();
        var state = node is null ? PodState.Unschedulable : request.State;
        var spec = request.Template.Spec;
        var images = spec.InitContainers.Concat(spec.Containers).Select(c => c.Image);
        var ordinal = node?.Place(images) ?? 0;
        var started = node is null ? (DateTimeOffset?)null : request.Created.AddSeconds(entropy.Int(1, 6));
        var hasAddress = node is not null && state != PodState.ContainerCreating;
        var podIp = !hasAddress ? null : spec.HostNetwork ? node!.Identity.InternalIp : context.Flavor.PodIp(node!.Identity, ordinal);

        var (restarts, lastTermination) = Restarts(state, request.Created);
        var finished = state is PodState.Succeeded or PodState.Failed or PodState.Evicted
            ? context.Between(started!.Value.AddSeconds(20), Min(started.Value.AddHours(2), context.Now))
            : (DateTimeOffset?)null;

        var meta = new ObjectMeta
        {
            Name = request.Name,
            GenerateName = request.GenerateName,
            Namespace = request.Namespace,
            Uid = entropy.Uid(),
            Created = request.Created,
            Labels = request.Labels,
            Annotations = request.Template.Annotations,
            Owners = [request.Owner],
            ManagedFields = [],
        };
        var pod = new PodModel
        {
            Meta = meta,
            Spec = spec,
            Placement = new PodPlacement("kube-api-access-" + entropy.NameSuffix(5), node?.Name),
            State = state,
            HostIp = hasAddress || state == PodState.ContainerCreating ? node?.Identity.InternalIp : null,
            PodIp = podIp,
            StartTime = started,
            Restarts = restarts,
            LastTermination = lastTermination,
            FinishedAt = finished,
            ContainerIds = spec.Containers.Select(_ => entropy.Hex(64)).ToArray(),
            SchedulingMessage = node is null ? UnschedulableMessage() : null,
        };
        var statusTime = finished ?? lastTermination ?? started ?? request.Created;
        var statusManager = node is null ? "kube-scheduler" : "kubelet";
        pod = pod with
        {
            Meta = WithManagedFields(meta, request.CreatedBy with { Time = request.Created }, new ManagedFieldsEntry(statusManager, "Update", "v1", statusTime, PodFieldSets.Status(pod), "status")),
        };

        var resourceVersion = context.Sink.Add(PodType, (writer, rv) => PodWriter.Write(writer, pod, rv));
        events.Record(pod, resourceVersion, node);
        Created++;
        return (pod, resourceVersion);
    }

    private static ObjectMeta WithManagedFields(ObjectMeta meta, params ManagedFieldsEntry[] entries) => new()
    {
        Name = meta.Name,
        GenerateName = meta.GenerateName,
        Namespace = meta.Namespace,
        Uid = meta.Uid,
        Created = meta.Created,
        Labels = meta.Labels,
        Annotations = meta.Annotations,
        Owners = meta.Owners,
        ManagedFields = entries,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The scheduler's spread, roughly: a random node, or the next one that still takes pods.</summary>
    private NodeSlot? PickNode()
    {
        var nodes = context.Nodes;
        var start = context.Entropy.Int(0, nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[(start + i) % nodes.Count];
            if (node.AcceptsWorkloads)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>A crash-looping container has restarted many times and last died minutes ago; some healthy ones restarted once or twice.</summary>
    private (int Restarts, DateTimeOffset? LastTermination) Restarts(PodState state, DateTimeOffset created)
    {
        var entropy = context.Entropy;
        if (state == PodState.CrashLoopBackOff)
        {
            var restarts = entropy.Weighted<int>([(entropy.Int(3, 12), 0.5), (entropy.Int(12, 120), 0.35), (entropy.Int(120, 900), 0.15)]);
            var lastExit = context.Now - entropy.Between(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(5));
            return (restarts, lastExit > created ? lastExit : created.AddSeconds(10));
        }

        if (state is PodState.Running or PodState.NotReady && entropy.Chance(0.08))
        {
            return (entropy.Int(1, 5), context.Between(created.AddMinutes(5), context.Now));
        }

        return (0, null);
    }

    private string UnschedulableMessage()
    {
        var nodes = context.Nodes.Count;
        return $"0/{nodes} nodes are available: {nodes} Insufficient memory. preemption: 0/{nodes} nodes are available: {nodes} No preemption victims found for incoming pod.";
    }
}
