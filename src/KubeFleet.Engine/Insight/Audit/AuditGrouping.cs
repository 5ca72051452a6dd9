namespace KubeFleet.Engine.Insight.Audit;

/// <summary>What resources are grouped by for a group score.</summary>
public enum AuditGrouping
{
    Cluster,

    /// <summary>Per namespace of each cluster; cluster-scoped resources form their cluster's group without a namespace.</summary>
    Namespace,

    /// <summary>Per workspace of the resource's cluster (a cluster in several workspaces counts in each); clusters in none form a group without a workspace.</summary>
    Workspace,
}
