using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// Which resources an audit of whole clusters or namespaces reads: the kinds its rules can fire
/// on, less the resources whose controller is audited too (a Deployment's ReplicaSets and their
/// Pods repeat the Deployment's pod template, so they would repeat its findings).
/// </summary>
public sealed class AuditScope
{
    /// <summary>The built-in kinds that carry a pod spec: what pod and container rules read unless their condition names kinds.</summary>
    public static readonly IReadOnlyList<string> PodSpecKinds =
        ["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"];

    private readonly HashSet<string> kinds;
    private readonly bool includeControlled;

    /// <param name="includeControlled">Audit every resource read, its controller audited or not.</param>
    public AuditScope(AuditRuleSet rules, bool includeControlled)
    {
        ArgumentNullException.ThrowIfNull(rules);
        kinds = new HashSet<string>(
            rules.Rules.SelectMany(rule => rule.Kinds ?? (rule.Target == AuditTarget.Resource ? [] : (IEnumerable<string>)PodSpecKinds)),
            StringComparer.OrdinalIgnoreCase);
        this.includeControlled = includeControlled;
        Kinds = kinds.Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The kinds to read, as the rules name them; resolved on each cluster as kubectl resolves names.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Whether a resource that was read is audited.</summary>
    public bool Includes(ClusterResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return includeControlled || !resource.OwnerReferences.Any(owner => owner.Controller && kinds.Contains(owner.Kind));
    }
}
