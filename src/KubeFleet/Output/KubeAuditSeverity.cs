namespace KubeFleet;

/// <summary>How much an audit finding weighs in a score: Karpor's weights.</summary>
public enum KubeAuditSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 5,
}
