namespace KubeFleet.Engine.Insight.Audit;

/// <summary>One rule that fired on a resource.</summary>
/// <param name="Container">The container the finding is about, for container rules; null otherwise.</param>
/// <param name="Message">The rule's message with its placeholders filled.</param>
public sealed record AuditFinding(string RuleId, AuditSeverity Severity, string? Container, string Message, string Fix);
