using KubeFleet.Engine.Insight.Audit;

namespace KubeFleet;

/// <summary>
/// One audited resource: its findings and its score, 100·exp(−0.04·findings − 0.06·sum of
/// severities), 100 when clean. Expand <see cref="Findings"/> for one row per finding.
/// </summary>
public sealed class KubeAuditResult
{
    private KubeAuditResult(ResourceAudit audit)
    {
        Cluster = audit.Cluster;
        Namespace = audit.Namespace;
        ApiVersion = audit.ApiVersion;
        Kind = audit.Kind;
        Name = audit.Name;
        Findings = audit.Findings.Select(finding => KubeAuditFinding.From(audit, finding)).ToArray();
        FindingCount = Findings.Length;
        SeveritySum = audit.SeveritySum;
        HighestSeverity = audit.HighestSeverity is { } highest ? (KubeAuditSeverity)(int)highest : null;
        Score = audit.Score;
    }

    public string Cluster { get; }

    /// <summary>Null for cluster-scoped resources.</summary>
    public string? Namespace { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    public string Name { get; }

    /// <summary>From 100 (clean) down towards 0.</summary>
    public double Score { get; }

    public int FindingCount { get; }

    /// <summary>The most severe finding's severity; null for a clean resource.</summary>
    public KubeAuditSeverity? HighestSeverity { get; }

    /// <summary>The findings' severities added up, Low 1, Medium 2, High 3, Critical 5.</summary>
    public int SeveritySum { get; }

    public KubeAuditFinding[] Findings { get; }

    public override string ToString() => $"{Cluster}/{Kind}/{(Namespace is null ? "" : Namespace + "/")}{Name}: {Score:0.0}";

    internal static KubeAuditResult From(ResourceAudit audit) => new(audit);
}
