namespace KubeFleet;

/// <summary>What Test-KubeResource -GroupBy scores resources by.</summary>
public enum KubeAuditGrouping
{
    Cluster,

    /// <summary>Each namespace of each cluster; cluster-scoped resources form their cluster's group without a namespace.</summary>
    Namespace,

    /// <summary>Each workspace of the resources' clusters; clusters in no workspace form a group without one.</summary>
    Workspace,
}
