using KubeFleet.Engine.Insight.Audit;

namespace KubeFleet;

/// <summary>One audit rule that fired on a resource, with what to do about it.</summary>
public sealed class KubeAuditFinding
{
    private KubeAuditFinding(ResourceAudit resource, AuditFinding finding)
    {
        Cluster = resource.Cluster;
        Namespace = resource.Namespace;
        Kind = resource.Kind;
        Name = resource.Name;
        RuleId = finding.RuleId;
        Severity = (KubeAuditSeverity)(int)finding.Severity;
        Container = finding.Container;
        Message = finding.Message;
        Fix = finding.Fix;
    }

    public string Cluster { get; }

    /// <summary>Null for cluster-scoped resources.</summary>
    public string? Namespace { get; }

    public string Kind { get; }

    public string Name { get; }

    /// <summary>The rule's id, as rule files name it to replace or disable it.</summary>
    public string RuleId { get; }

    public KubeAuditSeverity Severity { get; }

    /// <summary>The container the finding is about; null for findings about the pod or the resource.</summary>
    public string? Container { get; }

    public string Message { get; }

    /// <summary>What to change so the rule stops firing.</summary>
    public string Fix { get; }

    public override string ToString() => $"{RuleId} ({Severity}): {Message}";

    internal static KubeAuditFinding From(ResourceAudit resource, AuditFinding finding) => new(resource, finding);
}
