namespace KubeFleet.Engine.Insight.Audit;

/// <summary>What the rules found on one resource, and its score.</summary>
public sealed class ResourceAudit
{
    internal ResourceAudit(string cluster, string apiVersion, string kind, string? @namespace, string name, IReadOnlyList<AuditFinding> findings)
    {
        Cluster = cluster;
        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Findings = findings;
        SeveritySum = ComplianceScore.SeveritySum(findings);
        Score = ComplianceScore.Of(findings);
    }

    public string Cluster { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>Null for cluster-scoped resources.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>In rule order, and for container rules in the order the pod starts its containers.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    public int SeveritySum { get; }

    /// <summary>See <see cref="ComplianceScore.Of"/>: 100 when there are no findings.</summary>
    public double Score { get; }

    /// <summary>The most severe finding's severity; null for a clean resource.</summary>
    public AuditSeverity? HighestSeverity => Findings.Count == 0 ? null : Findings.Max(finding => finding.Severity);

    public override string ToString() => $"{Cluster}/{Kind}/{(Namespace is null ? "" : Namespace + "/")}{Name}";
}
