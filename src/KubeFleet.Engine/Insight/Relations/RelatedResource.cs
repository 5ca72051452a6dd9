using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>A resource related to the one asked about: how, which way, and the resource as read from its cluster.</summary>
public sealed record RelatedResource<TResource>(ResourceRelation Relation, RelationDirection Direction, TResource Resource)
    where TResource : IQueryRow;
