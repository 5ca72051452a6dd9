namespace KubeFleet.Engine.Insight.Audit;

/// <summary>The score of a group of audited resources: the mean of their scores, clean ones included.</summary>
/// <param name="Workspace">The workspace, for <see cref="AuditGrouping.Workspace"/>; null there for clusters in no workspace.</param>
/// <param name="Cluster">The cluster, for <see cref="AuditGrouping.Cluster"/> and <see cref="AuditGrouping.Namespace"/>.</param>
/// <param name="Namespace">The namespace, for <see cref="AuditGrouping.Namespace"/>; null there for cluster-scoped resources.</param>
/// <param name="Resources">How many resources were audited.</param>
/// <param name="ResourcesWithFindings">How many of them have at least one finding.</param>
/// <param name="Findings">How many findings there are in all.</param>
public sealed record AuditGroupScore(
    AuditGrouping GroupBy,
    string? Workspace,
    string? Cluster,
    string? Namespace,
    int Resources,
    int ResourcesWithFindings,
    int Findings,
    double Score);
