namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// Which way a relation points in Karpor's topology, which flows from what controls to what is
/// controlled and used: Deployment → ReplicaSet → Pod → Node, Secret, PersistentVolumeClaim →
/// PersistentVolume, and Service → Pod.
/// </summary>
public enum RelationDirection
{
    /// <summary>Towards what owns, selects or uses the resource.</summary>
    Up,

    /// <summary>Towards what the resource owns, selects or uses.</summary>
    Down,
}
