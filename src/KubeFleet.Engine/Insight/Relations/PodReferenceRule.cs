using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// A kind that pods name by paths in their spec: down from a pod to each object it names, up from
/// such an object to the pods that name it.
/// </summary>
/// <param name="namesIn">The names of objects of the kind that a pod's spec refers to.</param>
/// <param name="podField">A pod field selector that finds the pods naming an object, when the server has one (spec.nodeName).</param>
internal sealed class PodReferenceRule(
    string group,
    string kind,
    bool clusterScoped,
    ResourceRelation down,
    ResourceRelation up,
    Func<IQueryRow, IEnumerable<string>> namesIn,
    string? podField = null) : IRelationRule
{
    public IEnumerable<RelationProbe> ProbesFor(IQueryRow source)
    {
        if (source.Is("", "Pod"))
        {
            foreach (var name in namesIn(source).Distinct(StringComparer.Ordinal))
            {
                yield return new RelationProbe(
                    down,
                    RelationDirection.Down,
                    RelatedRead.Named(group, kind, clusterScoped ? null : source.Namespace, name),
                    used => used.Name == name);
            }
        }
        if (source.Is(group, kind) && (clusterScoped || source.Namespace is not null))
        {
            var podNamespace = clusterScoped ? null : source.Namespace;
            var read = podField is null
                ? RelatedRead.All("", "Pod", podNamespace)
                : new RelatedRead("", "Pod", podNamespace, LabelSelector.Everything, new FieldSelector([new FieldRequirement(podField, FieldOperator.Equals, source.Name)]));
            yield return new RelationProbe(up, RelationDirection.Up, read, pod => namesIn(pod).Contains(source.Name, StringComparer.Ordinal));
        }
    }
}
