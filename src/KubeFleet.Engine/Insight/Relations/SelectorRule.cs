using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>A kind whose label selector picks pods of its namespace: down from it to the pods, up from a pod to it.</summary>
internal sealed class SelectorRule(string group, string kind, Func<IQueryRow, LabelSelector?> selectorOf) : IRelationRule
{
    public IEnumerable<RelationProbe> ProbesFor(IQueryRow source)
    {
        if (source.Namespace is null)
            yield break;
        if (source.Is(group, kind) && selectorOf(source) is { } selector)
        {
            yield return new RelationProbe(
                ResourceRelation.Selects,
                RelationDirection.Down,
                new RelatedRead("", "Pod", source.Namespace, selector, FieldSelector.Everything),
                pod => selector.Matches(pod.Labels()));
        }
        if (source.Is("", "Pod"))
        {
            var labels = source.Labels();
            yield return new RelationProbe(
                ResourceRelation.SelectedBy,
                RelationDirection.Up,
                RelatedRead.All(group, kind, source.Namespace),
                selecting => selectorOf(selecting) is { } podSelector && podSelector.Matches(labels));
        }
    }
}
