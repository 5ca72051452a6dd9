using System.Globalization;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// Creates workloads with the objects their controllers create: Deployments with their ReplicaSets (the
/// current one and the history kept for rollback), StatefulSets, DaemonSets, and the pods of each.
/// </summary>
internal sealed class WorkloadFactory(GenerationContext context, PodFactory pods)
{
    private static readonly ResourceType Deployments = BuiltInResources.Get("apps", "deployments");
    private static readonly ResourceType ReplicaSets = BuiltInResources.Get("apps", "replicasets");
    private static readonly ResourceType StatefulSets = BuiltInResources.Get("apps", "statefulsets");
    private static readonly ResourceType DaemonSets = BuiltInResources.Get("apps", "daemonsets");

    public WorkloadOutcome Deployment(WorkloadSpec spec)
    {
        var entropy = context.Entropy;
        var revision = entropy.Weighted<int>([(1, 0.4), (2, 0.25), (3, 0.15), (entropy.Int(4, 8), 0.2)]);
        var uid = entropy.Uid();
        var owner = new OwnerReference("apps/v1", "Deployment", spec.Name, uid);
        var rolledOut = revision == 1 ? spec.Created : context.Between(Later(spec.Created, context.Now.AddDays(-60)), context.Now.AddMinutes(-10));
        var latest = NewRevision(spec, revision, 0, rolledOut);

        // Every revision's ReplicaSet has the same labels, annotations and template fields (only values differ).
        var replicaSetFields = ReplicaSetFields(spec, owner, latest.Template);
        for (var old = 1; old < revision; old++)
        {
            var history = NewRevision(spec, old, revision - old, context.Between(spec.Created, rolledOut));
            CreateReplicaSet(spec, owner, history, replicaSetFields, replicas: 0, current: 0, ready: 0);
        }

        var replicaSetOwner = new OwnerReference("apps/v1", "ReplicaSet", latest.Name, latest.Uid);
        var createdBy = ManagedFieldsEntry.Update("kube-controller-manager", "v1", rolledOut,
            WorkloadFieldSets.CreatedPod(latest.Template, latest.Template.Labels, latest.Uid, generatedName: true));
        var ready = 0;
        var current = 0;
        var states = PodStates(spec.Health, spec.Replicas).Concat(Enumerable.Repeat(PodState.Evicted, spec.Evicted));
        foreach (var state in states)
        {
            var created = state == PodState.Evicted || entropy.Chance(0.15) ? context.Between(rolledOut, context.Now) : rolledOut.AddSeconds(entropy.Int(1, 20));
            var (pod, _) = pods.Create(new PodRequest
            {
                Namespace = spec.Namespace,
                Name = $"{latest.Name}-{entropy.NameSuffix(5)}",
                GenerateName = latest.Name + "-",
                Labels = latest.Template.Labels,
                Template = latest.Template,
                Owner = replicaSetOwner,
                CreatedBy = createdBy,
                State = state,
                Created = created,
            });
            ready += pod.State == PodState.Running ? 1 : 0;
            current += PodWriter.Phase(pod.State) is "Running" or "Pending" ? 1 : 0;
        }

        CreateReplicaSet(spec, owner, latest, replicaSetFields, spec.Replicas, current, ready);

        var template = spec.Template(0);
        var annotations = new Dictionary<string, string>(spec.Annotations) { ["deployment.kubernetes.io/revision"] = Text(revision) };
        var meta = WorkloadMeta(spec, uid, annotations, template, ["progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "strategy"], generation: revision);
        var model = new WorkloadModel { Meta = meta, Selector = spec.Selector, Template = template, Replicas = spec.Replicas, Current = current, Ready = ready, LastChange = rolledOut };
        context.Sink.Add(Deployments, (writer, rv) => AppsWriters.WriteDeployment(writer, model, rv, latest.Name));
        return new WorkloadOutcome(uid, current, ready, latest.Template);
    }

    /// <summary>A StatefulSet whose pods each own a claim from the <c>data</c> claim template.</summary>
    public WorkloadOutcome StatefulSet(WorkloadSpec spec, string serviceName, string claimSize, ClaimFactory claims)
    {
        var entropy = context.Entropy;
        var uid = entropy.Uid();
        var owner = new OwnerReference("apps/v1", "StatefulSet", spec.Name, uid);
        var template = spec.Template(0);
        var revision = $"{spec.Name}-{PodTemplateHash()}";
        var createdBy = ManagedFieldsEntry.Update("kube-controller-manager", "v1", spec.Created,
            WorkloadFieldSets.CreatedPod(template, WithLabel(template.Labels, "controller-revision-hash", revision), uid, generatedName: false));
        var ready = 0;
        var states = PodStates(spec.Health, spec.Replicas);
        for (var ordinal = 0; ordinal < states.Count; ordinal++)
        {
            var podName = $"{spec.Name}-{ordinal}";
            var claimName = $"data-{podName}";
            var created = spec.Created.AddSeconds(30 * ordinal);
            var labels = new Dictionary<string, string>(template.Labels)
            {
                ["apps.kubernetes.io/pod-index"] = Text(ordinal),
                ["controller-revision-hash"] = revision,
                ["statefulset.kubernetes.io/pod-name"] = podName,
            };
            var podTemplate = template with
            {
                Spec = template.Spec with { Volumes = [new VolumeModel("data") { ClaimName = claimName }, .. template.Spec.Volumes] },
            };
            claims.Create(spec.Namespace, claimName, claimSize, template.Labels, created, bound: true);
            var (pod, _) = pods.Create(new PodRequest
            {
                Namespace = spec.Namespace,
                Name = podName,
                Labels = labels,
                Template = podTemplate,
                Owner = owner,
                CreatedBy = createdBy,
                State = states[ordinal],
                Created = created,
            });
            ready += pod.State == PodState.Running ? 1 : 0;
        }

        var meta = WorkloadMeta(spec, uid, spec.Annotations, template, ["podManagementPolicy", "replicas", "revisionHistoryLimit", "serviceName", "volumeClaimTemplates"], generation: 1);
        var model = new WorkloadModel { Meta = meta, Selector = spec.Selector, Template = template, Replicas = spec.Replicas, Current = states.Count, Ready = ready, LastChange = spec.Created };
        context.Sink.Add(StatefulSets, (writer, rv) => AppsWriters.WriteStatefulSet(writer, model, rv, serviceName, "data", claimSize, context.Flavor.StorageClass, revision));
        return new WorkloadOutcome(uid, states.Count, ready, template);
    }

    /// <summary>A DaemonSet with one running pod on every node (its pods tolerate every taint).</summary>
    public WorkloadOutcome DaemonSet(WorkloadSpec spec)
    {
        var entropy = context.Entropy;
        var uid = entropy.Uid();
        var owner = new OwnerReference("apps/v1", "DaemonSet", spec.Name, uid);
        var template = spec.Template(0);
        var labels = new Dictionary<string, string>(template.Labels) { ["controller-revision-hash"] = PodTemplateHash(), ["pod-template-generation"] = "1" };
        var podTemplate = template with { Spec = template.Spec with { Tolerations = [new TolerationModel(null, "Exists", null, null)] } };
        var createdBy = ManagedFieldsEntry.Update("kube-controller-manager", "v1", spec.Created,
            WorkloadFieldSets.CreatedPod(podTemplate, labels, uid, generatedName: true));
        foreach (var node in context.Nodes)
        {
            pods.Create(new PodRequest
            {
                Namespace = spec.Namespace,
                Name = $"{spec.Name}-{entropy.NameSuffix(5)}",
                GenerateName = spec.Name + "-",
                Labels = labels,
                Template = podTemplate,
                Owner = owner,
                CreatedBy = createdBy,
                State = PodState.Running,
                Created = Later(spec.Created, node.Created).AddSeconds(entropy.Int(5, 40)),
                Node = node,
            });
        }

        var annotations = new Dictionary<string, string>(spec.Annotations) { ["deprecated.daemonset.template.generation"] = "1" };
        var meta = WorkloadMeta(spec, uid, annotations, podTemplate, ["revisionHistoryLimit", "updateStrategy"], generation: 1);
        var ready = context.Nodes.Count(n => n.Ready);
        var model = new WorkloadModel { Meta = meta, Selector = spec.Selector, Template = podTemplate, Replicas = context.Nodes.Count, Current = context.Nodes.Count, Ready = ready, LastChange = spec.Created };
        context.Sink.Add(DaemonSets, (writer, rv) => AppsWriters.WriteDaemonSet(writer, model, rv));
        return new WorkloadOutcome(uid, context.Nodes.Count, ready, podTemplate);
    }

    /// <summary>The states of a workload's pods, as its health dictates.</summary>
    public IReadOnlyList<PodState> PodStates(AppHealth health, int replicas)
    {
        var entropy = context.Entropy;
        var states = new List<PodState>(replicas);
        for (var i = 0; i < replicas; i++)
        {
            states.Add(health switch
            {
                AppHealth.CrashLooping => PodState.CrashLoopBackOff,
                AppHealth.ImagePullFailing => PodState.ImagePullBackOff,
                AppHealth.Degraded => entropy.Weighted<PodState>([(PodState.Running, 0.55), (PodState.CrashLoopBackOff, 0.3), (PodState.NotReady, 0.15)]),
                AppHealth.Starved => i % 2 == 0 ? PodState.Running : PodState.Unschedulable,
                _ => entropy.Weighted<PodState>([(PodState.Running, 0.99), (PodState.ContainerCreating, 0.005), (PodState.NotReady, 0.005)]),
            });
        }

        if (health == AppHealth.Degraded && states.Count > 0 && states.All(s => s == PodState.Running))
        {
            states[^1] = PodState.CrashLoopBackOff;
        }

        return states;
    }

    private ReplicaSetRevision NewRevision(WorkloadSpec spec, int revision, int rolloutsBack, DateTimeOffset created)
    {
        var hash = PodTemplateHash();
        var template = spec.Template(rolloutsBack);
        return new ReplicaSetRevision(revision, $"{spec.Name}-{hash}", context.Entropy.Uid(), hash, template with { Labels = WithLabel(template.Labels, "pod-template-hash", hash) }, created);
    }

    private static ReadOnlyMemory<byte> ReplicaSetFields(WorkloadSpec spec, OwnerReference owner, PodTemplate template)
    {
        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, template.Labels, ReplicaSetAnnotations(spec, 1), owner.Uid);
        WorkloadFieldSets.AddSpec(fields, template, "replicas");
        return fields.ToJson();
    }

    private static Dictionary<string, string> ReplicaSetAnnotations(WorkloadSpec spec, int revision) => new()
    {
        ["deployment.kubernetes.io/desired-replicas"] = Text(spec.Replicas),
        ["deployment.kubernetes.io/max-replicas"] = Text(spec.Replicas + (int)Math.Ceiling(spec.Replicas * 0.25)),
        ["deployment.kubernetes.io/revision"] = Text(revision),
    };

    private void CreateReplicaSet(WorkloadSpec spec, OwnerReference owner, ReplicaSetRevision revision, ReadOnlyMemory<byte> fields, int replicas, int current, int ready)
    {
        var labels = revision.Template.Labels;
        var annotations = ReplicaSetAnnotations(spec, revision.Number);
        string[] statusFields = replicas > 0 ? ["availableReplicas", "fullyLabeledReplicas", "observedGeneration", "readyReplicas", "replicas"] : ["observedGeneration", "replicas"];
        var meta = new ObjectMeta
        {
            Name = revision.Name,
            Namespace = spec.Namespace,
            Uid = revision.Uid,
            Generation = replicas > 0 ? 1 : 2,
            Created = revision.Created,
            Labels = labels,
            Annotations = annotations,
            Owners = [owner],
            ManagedFields =
            [
                new ManagedFieldsEntry("kube-controller-manager", "Update", "apps/v1", revision.Created, fields),
                ManagedFieldsEntry.Update("kube-controller-manager", "apps/v1", revision.Created, WorkloadFieldSets.Status(statusFields), "status"),
            ],
        };
        var selector = WithLabel(spec.Selector, "pod-template-hash", revision.Hash);
        var model = new WorkloadModel { Meta = meta, Selector = selector, Template = revision.Template, Replicas = replicas, Current = current, Ready = ready, LastChange = revision.Created };
        context.Sink.Add(ReplicaSets, (writer, rv) => AppsWriters.WriteReplicaSet(writer, model, rv));
    }

    private ObjectMeta WorkloadMeta(WorkloadSpec spec, string uid, IReadOnlyDictionary<string, string> annotations, PodTemplate template, IReadOnlyList<string> specLeaves, long generation)
    {
        var applied = new FieldSet();
        WorkloadFieldSets.AddMetadata(applied, spec.Labels, spec.Annotations);
        WorkloadFieldSets.AddSpec(applied, template, specLeaves);
        return new ObjectMeta
        {
            Name = spec.Name,
            Namespace = spec.Namespace,
            Uid = uid,
            Generation = generation,
            Created = spec.Created,
            Labels = spec.Labels,
            Annotations = annotations,
            ManagedFields =
            [
                ManagedFieldsEntry.Update(spec.Manager, "apps/v1", spec.Created, applied),
                ManagedFieldsEntry.Update("kube-controller-manager", "apps/v1", context.Now - context.Entropy.Between(TimeSpan.FromMinutes(1), TimeSpan.FromDays(3)),
                    WorkloadFieldSets.Status("conditions", "observedGeneration", "readyReplicas", "replicas"), "status"),
            ],
        };
    }

    /// <summary>Kubernetes renders template hashes with its name alphabet, 8 to 10 characters.</summary>
    private string PodTemplateHash() => context.Entropy.NameSuffix(context.Entropy.Int(8, 11));

    private static IReadOnlyDictionary<string, string> WithLabel(IReadOnlyDictionary<string, string> labels, string key, string value) =>
        new Dictionary<string, string>(labels) { [key] = value };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>One rollout revision: its ReplicaSet's identity and pod template (labelled with its hash).</summary>
    private sealed record ReplicaSetRevision(int Number, string Name, string Uid, string Hash, PodTemplate Template, DateTimeOffset Created);
}
