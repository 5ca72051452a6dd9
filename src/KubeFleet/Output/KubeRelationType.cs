namespace KubeFleet;

/// <summary>How a related resource relates to the resource asked about, read as "the resource … the related one".</summary>
public enum KubeRelationType
{
    /// <summary>The related resource is named in the resource's ownerReferences (a ReplicaSet's Deployment).</summary>
    Owner,

    /// <summary>The related resource names the resource in its ownerReferences (a Deployment's ReplicaSets).</summary>
    Owns,

    /// <summary>The resource's label selector matches the related pod (a Service's or PodDisruptionBudget's pods).</summary>
    Selects,

    /// <summary>The related Service, PodDisruptionBudget or NetworkPolicy selects the pod.</summary>
    SelectedBy,

    /// <summary>The pod is scheduled on the related Node.</summary>
    RunsOn,

    /// <summary>The Node runs the related pod.</summary>
    Hosts,

    /// <summary>The pod uses the related Secret, ConfigMap, PersistentVolumeClaim or ServiceAccount.</summary>
    Uses,

    /// <summary>The related pod uses the resource.</summary>
    UsedBy,

    /// <summary>The PersistentVolumeClaim is bound to the related PersistentVolume.</summary>
    BoundTo,

    /// <summary>The PersistentVolume is claimed by the related PersistentVolumeClaim.</summary>
    ClaimedBy,
}

/// <summary>
/// Which way a relation points in Karpor's topology, which flows from what controls to what is
/// controlled and used: Deployment → ReplicaSet → Pod → Node, Secret, PersistentVolumeClaim →
/// PersistentVolume, and Service → Pod.
/// </summary>
public enum KubeRelationDirection
{
    /// <summary>Towards what owns, selects or uses the resource.</summary>
    Up,

    /// <summary>Towards what the resource owns, selects or uses.</summary>
    Down,
}
