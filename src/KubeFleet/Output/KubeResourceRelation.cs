using KubeFleet.Engine.Insight.Relations;
using KubeFleet.Engine.Search;

namespace KubeFleet;

/// <summary>
/// One edge of the topology around a resource, as Get-KubeResourceRelation finds it: the resource
/// asked about, how and which way it relates, and the related resource, which pipes on to
/// Get-KubeResourceRelation, Test-KubeResource or anything that takes a KubeResource.
/// </summary>
public sealed class KubeResourceRelation
{
    private KubeResourceRelation(KubeResource source, RelatedResource<ClusterResource> related)
    {
        Source = source;
        Relation = Enum.Parse<KubeRelationType>(related.Relation.ToString());
        Direction = Enum.Parse<KubeRelationDirection>(related.Direction.ToString());
        Related = KubeResource.From(related.Resource);
    }

    public string Cluster => Source.Cluster;

    /// <summary>The resource whose relations were asked for.</summary>
    public KubeResource Source { get; }

    public KubeRelationType Relation { get; }

    public KubeRelationDirection Direction { get; }

    /// <summary>The related resource, as its cluster holds it now.</summary>
    public KubeResource Related { get; }

    /// <summary><c>cluster/Deployment/shop/web Owns cluster/ReplicaSet/shop/web-5d4f8</c>.</summary>
    public override string ToString() => $"{Source} {Relation} {Related}";

    internal static KubeResourceRelation From(KubeResource source, RelatedResource<ClusterResource> related) => new(source, related);
}
