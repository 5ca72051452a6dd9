namespace KubeFleet.Engine.Insight.Relations;

/// <summary>Which relations to look for; what is not wanted is not read from the cluster at all.</summary>
/// <param name="Relations">The relations wanted; null for all.</param>
/// <param name="Direction">The direction wanted; null for both.</param>
public sealed record RelationFilter(IReadOnlySet<ResourceRelation>? Relations, RelationDirection? Direction)
{
    public static RelationFilter All { get; } = new(null, null);

    public bool Allows(ResourceRelation relation, RelationDirection direction) =>
        (Relations is null || Relations.Contains(relation)) && (Direction is null || Direction == direction);
}
