using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// One relation to look for around a resource: where related resources can be (<see cref="Read"/>)
/// and which of what that read returns are related (<see cref="Relates"/>, the whole truth: the
/// read's selectors only spare the transfer).
/// </summary>
internal sealed record RelationProbe(ResourceRelation Relation, RelationDirection Direction, RelatedRead Read, Func<IQueryRow, bool> Relates);
