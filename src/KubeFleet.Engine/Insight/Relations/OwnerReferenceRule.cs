using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// Owner references: up to each owner the resource names, down to the objects that name it.
/// Objects that name their owner by uid match by uid, so a deleted and recreated owner of the same
/// name is not mistaken for the real one.
/// </summary>
internal sealed class OwnerReferenceRule : IRelationRule
{
    // What each built-in controller creates; built-in kinds not listed own nothing.
    private static readonly Dictionary<(string Group, string Kind), (string Group, string Kind)[]> OwnedKinds = new()
    {
        [("apps", "Deployment")] = [("apps", "ReplicaSet")],
        [("apps", "ReplicaSet")] = [("", "Pod")],
        [("apps", "StatefulSet")] = [("", "Pod"), ("apps", "ControllerRevision")],
        [("apps", "DaemonSet")] = [("", "Pod"), ("apps", "ControllerRevision")],
        [("batch", "CronJob")] = [("batch", "Job")],
        [("batch", "Job")] = [("", "Pod")],
        [("", "ReplicationController")] = [("", "Pod")],
        [("", "Service")] = [("discovery.k8s.io", "EndpointSlice")],
        [("", "Pod")] = [("", "PersistentVolumeClaim")],
    };

    // What a custom resource's operator most often creates (Argo Rollouts make ReplicaSets, operators Deployments and Services).
    private static readonly (string Group, string Kind)[] CustomResourceOwnedKinds =
    [
        ("apps", "Deployment"), ("apps", "StatefulSet"), ("apps", "DaemonSet"), ("apps", "ReplicaSet"),
        ("batch", "Job"), ("", "Pod"), ("", "Service"),
    ];

    public IEnumerable<RelationProbe> ProbesFor(IQueryRow source)
    {
        foreach (var reference in KubeObject.Items(source.Object, "metadata", "ownerReferences"))
        {
            var apiVersion = KubeObject.Text(reference, "apiVersion");
            var kind = KubeObject.Text(reference, "kind");
            var name = KubeObject.Text(reference, "name");
            if (apiVersion is null || kind is null || name is null)
                continue;
            var uid = KubeObject.Text(reference, "uid");
            yield return new RelationProbe(
                ResourceRelation.Owner,
                RelationDirection.Up,
                RelatedRead.Named(KubeObject.GroupOf(apiVersion), kind, source.Namespace, name),
                owner => owner.Name == name && (uid is null || owner.Uid() == uid));
        }

        if (source.Uid() is not { } sourceUid)
            yield break;
        foreach (var (group, kind) in OwnedKindsOf(source))
        {
            yield return new RelationProbe(
                ResourceRelation.Owns,
                RelationDirection.Down,
                RelatedRead.All(group, kind, source.Namespace),
                owned => KubeObject.Items(owned.Object, "metadata", "ownerReferences").Any(reference => KubeObject.Text(reference, "uid") == sourceUid));
        }
    }

    private static IEnumerable<(string Group, string Kind)> OwnedKindsOf(IQueryRow source)
    {
        var group = source.Group();
        if (OwnedKinds.TryGetValue((group, source.Kind), out var owned))
            return owned;
        return IsCustomGroup(group) ? CustomResourceOwnedKinds : [];
    }

    // Kubernetes keeps groups without a dot and those under k8s.io for itself; every other group is a custom resource's.
    private static bool IsCustomGroup(string group) =>
        group.Contains('.', StringComparison.Ordinal) && group != "k8s.io" && !group.EndsWith(".k8s.io", StringComparison.Ordinal);
}
