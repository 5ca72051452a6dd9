using System.Globalization;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// Plans the nodes before any pod exists (pods are placed on them), and writes the Node objects last, when
/// the images their pods pulled are known.
/// </summary>
internal sealed class NodeFactory(GenerationContext context)
{
    /// <summary>Average pods per node in the clusters modelled (well under the kubelet's limit).</summary>
    private const int PodsPerNode = 30;

    private static readonly ResourceType Nodes = BuiltInResources.Get("", "nodes");

    public void Plan()
    {
        var entropy = context.Entropy;
        var flavor = context.Flavor;
        var workers = Math.Max(2, (int)Math.Ceiling(context.Spec.Pods / (double)PodsPerNode));
        var machine = entropy.Pick(flavor.MachineTypes);
        var index = 0;
        if (flavor.HasControlPlaneNodes)
        {
            context.Nodes.Add(new NodeSlot(flavor.NewNode(entropy, index++, null, controlPlane: true), entropy.Uid(), machine, null, context.ClusterCreated, controlPlane: true));
        }

        for (var i = 0; i < workers; i++)
        {
            var zone = flavor.Zones.Count == 0 ? null : flavor.Zones[i % flavor.Zones.Count];
            var created = flavor.HasControlPlaneNodes
                ? context.ClusterCreated.AddMinutes(10 + i)
                : context.Between(Later(context.ClusterCreated, context.Now.AddDays(-90)), context.Now.AddDays(-1));
            context.Nodes.Add(new NodeSlot(flavor.NewNode(entropy, index++, zone, controlPlane: false), entropy.Uid(), machine, zone, created, controlPlane: false));
        }

        // Bigger clusters usually have one node drained for maintenance and sometimes one that stopped reporting.
        var workerSlots = context.Nodes.Where(n => !n.ControlPlane).ToArray();
        if (workerSlots.Length >= 6 && entropy.Chance(0.5))
        {
            workerSlots[^1].Cordoned = true;
        }

        if (workerSlots.Length >= 6 && entropy.Chance(0.3))
        {
            workerSlots[^2].Ready = false;
        }
    }

    public void Write()
    {
        foreach (var slot in context.Nodes)
        {
            var node = Model(slot);
            var resourceVersion = context.Sink.Add(Nodes, (writer, rv) => NodeWriter.Write(writer, node, rv));
            if (!slot.Ready)
            {
                RecordNotReady(slot, resourceVersion, node.LastHeartbeat.AddSeconds(40));
            }
        }
    }

    private NodeModel Model(NodeSlot slot)
    {
        var entropy = context.Entropy;
        var flavor = context.Flavor;
        var labels = new Dictionary<string, string>
        {
            ["beta.kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["kubernetes.io/hostname"] = slot.Name,
            ["kubernetes.io/os"] = "linux",
        };
        if (slot.Machine.Name.Length > 0)
        {
            labels["beta.kubernetes.io/instance-type"] = slot.Machine.Name;
            labels["node.kubernetes.io/instance-type"] = slot.Machine.Name;
        }

        if (flavor.Region is { } region)
        {
            labels["topology.kubernetes.io/region"] = region;
            labels["topology.kubernetes.io/zone"] = slot.Zone!;
        }

        foreach (var (key, value) in flavor.NodeLabels(slot.Machine))
        {
            labels[key] = value;
        }

        var taints = new List<TaintModel>();
        if (slot.ControlPlane)
        {
            labels["node-role.kubernetes.io/control-plane"] = "";
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
            taints.Add(new TaintModel("node-role.kubernetes.io/control-plane", "NoSchedule"));
        }

        var heartbeat = slot.Ready ? context.Now - entropy.Between(TimeSpan.Zero, TimeSpan.FromSeconds(40)) : context.Now - entropy.Between(TimeSpan.FromMinutes(10), TimeSpan.FromHours(3));
        if (slot.Cordoned)
        {
            taints.Add(new TaintModel("node.kubernetes.io/unschedulable", "NoSchedule", TimeAdded: context.Now.AddHours(-entropy.Int(1, 30))));
        }

        if (!slot.Ready)
        {
            taints.Add(new TaintModel("node.kubernetes.io/unreachable", "NoSchedule", TimeAdded: heartbeat.AddSeconds(40)));
            taints.Add(new TaintModel("node.kubernetes.io/unreachable", "NoExecute", TimeAdded: heartbeat.AddSeconds(45)));
        }

        var annotations = new Dictionary<string, string>
        {
            ["node.alpha.kubernetes.io/ttl"] = "0",
            ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
        };
        if (!flavor.HasControlPlaneNodes)
        {
            annotations["alpha.kubernetes.io/provided-node-ip"] = slot.Identity.InternalIp;
        }

        var machine = slot.Machine;
        var capacity = new Dictionary<string, string>
        {
            ["cpu"] = Text(machine.Cpu),
            ["ephemeral-storage"] = "104845292Ki",
            ["hugepages-1Gi"] = "0",
            ["hugepages-2Mi"] = "0",
            ["memory"] = Text(machine.MemoryKi) + "Ki",
            ["pods"] = Text(machine.MaxPods),
        };
        var allocatable = new Dictionary<string, string>(capacity)
        {
            ["cpu"] = Text((machine.Cpu * 1000) - 90) + "m",
            ["ephemeral-storage"] = "95551679124",
            ["memory"] = Text(machine.MemoryKi - 1_150_000) + "Ki",
        };

        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, labels, annotations);
        var status = new FieldSet();
        status.F("status").Leaves("allocatable", "capacity", "conditions", "daemonEndpoints", "images", "nodeInfo");
        var meta = new ObjectMeta
        {
            Name = slot.Name,
            Uid = slot.Uid,
            Created = slot.Created,
            Labels = labels,
            Annotations = annotations,
            ManagedFields =
            [
                ManagedFieldsEntry.Update("kubelet", "v1", slot.Created, fields),
                ManagedFieldsEntry.Update("kubelet", "v1", heartbeat, status, "status"),
            ],
        };
        return new NodeModel
        {
            Meta = meta,
            PodCidr = slot.Identity.PodCidr,
            ProviderId = slot.Identity.ProviderId,
            Unschedulable = slot.Cordoned,
            Taints = taints,
            Ready = slot.Ready,
            Capacity = capacity,
            Allocatable = allocatable,
            InternalIp = slot.Identity.InternalIp,
            LastHeartbeat = heartbeat,
            MachineId = entropy.Hex(32),
            SystemUuid = entropy.Uid(),
            BootId = entropy.Uid(),
            KernelVersion = flavor.KernelVersion,
            OsImage = flavor.OsImage,
            ContainerRuntimeVersion = flavor.ContainerRuntimeVersion,
            KubeletVersion = flavor.KubeletVersion(context.Version),
            Images = Images(slot),
        };
    }

    /// <summary>What the kubelet lists: every image its pods pulled plus the sandbox image, biggest first, at most 50.</summary>
    private static IReadOnlyList<(IReadOnlyList<string> Names, long SizeBytes)> Images(NodeSlot slot) =>
        slot.Images.Append("registry.k8s.io/pause:3.10")
            .Select(image => ((IReadOnlyList<string>)[ImageReference.Id(image), ImageReference.Qualified(image)], ImageSize(image)))
            .OrderByDescending(i => i.Item2)
            .Take(50)
            .ToArray();

    /// <summary>A stable size for an image (20 MB to 900 MB), derived from its digest.</summary>
    private static long ImageSize(string image) =>
        20_000_000 + (long)(Convert.ToUInt32(ImageReference.Digest(image)["sha256:".Length..][..8], 16) % 880_000_000);

    private void RecordNotReady(NodeSlot slot, string resourceVersion, DateTimeOffset since)
    {
        var eventModel = new EventModel
        {
            Meta = context.Meta(context.EventName(slot.Name, since), "default", since),
            InvolvedKind = "Node",
            InvolvedApiVersion = "v1",
            InvolvedName = slot.Name,
            InvolvedUid = slot.Uid,
            Reason = "NodeNotReady",
            Message = $"Node {slot.Name} status is now: NodeNotReady",
            Component = "node-controller",
            FirstSeen = since,
            LastSeen = since,
            Type = "Normal",
        };
        if (context.Now - since < TimeSpan.FromHours(1))
        {
            context.Events.Add((eventModel, resourceVersion));
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
