namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// Karpor's compliance score: 100 for a clean resource, falling with the number of findings and
/// their weight, never reaching 0.
/// </summary>
public static class ComplianceScore
{
    public const double Clean = 100;

    /// <summary><c>100 · exp(−0.04 · issues − 0.06 · sum of severities)</c>, severities weighing Low 1, Medium 2, High 3, Critical 5.</summary>
    public static double Of(IReadOnlyCollection<AuditFinding> findings) =>
        Clean * Math.Exp(-0.04 * findings.Count - 0.06 * SeveritySum(findings));

    public static int SeveritySum(IEnumerable<AuditFinding> findings) => findings.Sum(finding => (int)finding.Severity);
}
