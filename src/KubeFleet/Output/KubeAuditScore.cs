using KubeFleet.Engine.Insight.Audit;

namespace KubeFleet;

/// <summary>
/// The score of a group of audited resources (a cluster, a namespace of a cluster, or a
/// workspace): the mean of all its resources' scores, clean ones included.
/// </summary>
public sealed class KubeAuditScore
{
    private KubeAuditScore(AuditGroupScore score)
    {
        GroupBy = Enum.Parse<KubeAuditGrouping>(score.GroupBy.ToString());
        Workspace = score.Workspace;
        Cluster = score.Cluster;
        Namespace = score.Namespace;
        Resources = score.Resources;
        ResourcesWithFindings = score.ResourcesWithFindings;
        Findings = score.Findings;
        Score = score.Score;
    }

    public KubeAuditGrouping GroupBy { get; }

    /// <summary>The workspace, when grouped by workspace; null there for the clusters in no workspace.</summary>
    public string? Workspace { get; }

    /// <summary>The cluster, when grouped by cluster or namespace.</summary>
    public string? Cluster { get; }

    /// <summary>The namespace, when grouped by namespace; null there for cluster-scoped resources.</summary>
    public string? Namespace { get; }

    /// <summary>How many resources were audited in the group.</summary>
    public int Resources { get; }

    public int ResourcesWithFindings { get; }

    /// <summary>How many findings the group's resources have in all.</summary>
    public int Findings { get; }

    /// <summary>The mean of the resources' scores, from 100 (all clean) down towards 0.</summary>
    public double Score { get; }

    public override string ToString() => $"{GroupBy} {Workspace ?? Cluster}{(Namespace is null ? "" : "/" + Namespace)}: {Score:0.0}";

    internal static KubeAuditScore From(AuditGroupScore score) => new(score);
}
