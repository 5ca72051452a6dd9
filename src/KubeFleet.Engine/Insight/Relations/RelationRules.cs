using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// Karpor's edge rules: owner references, selectors (Service, PodDisruptionBudget and
/// NetworkPolicy to pods) and references by path (pod to Node, Secret, ConfigMap,
/// PersistentVolumeClaim and ServiceAccount; claim to volume).
/// </summary>
public static class RelationRules
{
    private static readonly IRelationRule[] Rules =
    [
        new OwnerReferenceRule(),
        new SelectorRule("", "Service", service => LabelSelectorJson.FromMap(KubeObject.Find(service.Object, "spec", "selector"))),
        new SelectorRule("policy", "PodDisruptionBudget", budget => LabelSelectorJson.FromLabelSelector(KubeObject.Find(budget.Object, "spec", "selector"))),
        new SelectorRule("networking.k8s.io", "NetworkPolicy", policy => LabelSelectorJson.FromLabelSelector(KubeObject.Find(policy.Object, "spec", "podSelector"))),
        new PodReferenceRule("", "Node", clusterScoped: true, ResourceRelation.RunsOn, ResourceRelation.Hosts, PodReferences.Node, podField: "spec.nodeName"),
        new PodReferenceRule("", "Secret", clusterScoped: false, ResourceRelation.Uses, ResourceRelation.UsedBy, PodReferences.Secrets),
        new PodReferenceRule("", "ConfigMap", clusterScoped: false, ResourceRelation.Uses, ResourceRelation.UsedBy, PodReferences.ConfigMaps),
        new PodReferenceRule("", "PersistentVolumeClaim", clusterScoped: false, ResourceRelation.Uses, ResourceRelation.UsedBy, PodReferences.PersistentVolumeClaims),
        new PodReferenceRule("", "ServiceAccount", clusterScoped: false, ResourceRelation.Uses, ResourceRelation.UsedBy, PodReferences.ServiceAccount),
        new VolumeBindingRule(),
    ];

    /// <summary>What to read from the resource's cluster to find what is related to it, as the filter allows.</summary>
    internal static IReadOnlyList<RelationProbe> ProbesFor(IQueryRow source, RelationFilter filter) =>
        Rules.SelectMany(rule => rule.ProbesFor(source)).Where(probe => filter.Allows(probe.Relation, probe.Direction)).ToList();

    /// <summary>The lists to read from the resource's cluster, each once.</summary>
    public static IReadOnlyList<RelatedRead> ReadsFor(IQueryRow source, RelationFilter? filter = null) =>
        ProbesFor(source, filter ?? RelationFilter.All).Select(probe => probe.Read).Distinct().ToList();

    /// <summary>
    /// The resources related to <paramref name="source"/>, given what each of its reads returned:
    /// up before down, then by relation, kind, namespace and name.
    /// </summary>
    public static IReadOnlyList<RelatedResource<TResource>> Relate<TResource>(IQueryRow source, Func<RelatedRead, IEnumerable<TResource>> readResults, RelationFilter? filter = null)
        where TResource : IQueryRow
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(readResults);
        var found = new Dictionary<(ResourceRelation, RelationDirection, string, string, string?, string), RelatedResource<TResource>>();
        foreach (var probe in ProbesFor(source, filter ?? RelationFilter.All))
        {
            foreach (var candidate in readResults(probe.Read))
            {
                if (probe.Relates(candidate))
                    found.TryAdd((probe.Relation, probe.Direction, candidate.ApiVersion, candidate.Kind, candidate.Namespace, candidate.Name), new RelatedResource<TResource>(probe.Relation, probe.Direction, candidate));
            }
        }
        return found.Values
            .OrderBy(related => related.Direction)
            .ThenBy(related => related.Relation)
            .ThenBy(related => related.Resource.Kind, StringComparer.Ordinal)
            .ThenBy(related => related.Resource.Namespace, StringComparer.Ordinal)
            .ThenBy(related => related.Resource.Name, StringComparer.Ordinal)
            .ToList();
    }
}
