using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>One of Karpor's edge rules, in both directions: what to look for around a resource of either end.</summary>
internal interface IRelationRule
{
    IEnumerable<RelationProbe> ProbesFor(IQueryRow source);
}
