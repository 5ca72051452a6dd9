namespace KubeFleet.Engine.Insight.Audit;

/// <summary>What a rule's condition is evaluated over, and so how often it can fire on one resource.</summary>
public enum AuditTarget
{
    /// <summary>The resource itself, as read from the cluster: at most one finding per resource.</summary>
    Resource,

    /// <summary>Each pod spec the resource carries, seen as a pod: at most one finding per resource.</summary>
    Pod,

    /// <summary>Each container of each pod spec, init and ephemeral containers included: one finding per container.</summary>
    Container,
}
