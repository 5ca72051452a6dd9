namespace KubeFleet.Engine.Insight.Audit;

/// <summary>How much a finding weighs in a score; the values are Karpor's weights.</summary>
public enum AuditSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 5,
}
