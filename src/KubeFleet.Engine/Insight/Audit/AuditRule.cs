using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// One audit rule: when its condition (in the <c>-Query</c> dialect) holds for what the rule
/// targets, the resource has a finding of the rule's severity.
/// </summary>
public sealed class AuditRule
{
    internal AuditRule(string id, AuditTarget target, AuditSeverity severity, SearchQuery condition, MessageTemplate message, string fix, string? description, string origin)
    {
        Id = id;
        Target = target;
        Severity = severity;
        Condition = condition;
        Message = message;
        Fix = fix;
        Description = description;
        Origin = origin;
    }

    /// <summary>Stable PascalCase identifier, unique regardless of case; what rule files disable and replace by.</summary>
    public string Id { get; }

    public AuditTarget Target { get; }

    public AuditSeverity Severity { get; }

    /// <summary>When the rule fires; for pod and container rules it reads the pod-shaped document <see cref="AuditSubject"/> describes.</summary>
    public SearchQuery Condition { get; }

    /// <summary>What a finding says, with placeholders filled from what the rule matched.</summary>
    public MessageTemplate Message { get; }

    /// <summary>What to change so the rule stops firing.</summary>
    public string Fix { get; }

    /// <summary>Why the rule matters; null when the rule file gives no description.</summary>
    public string? Description { get; }

    /// <summary>Where the rule was defined: <see cref="AuditRuleSet.BuiltInOrigin"/> or a rule file's full path.</summary>
    public string Origin { get; }

    /// <summary>
    /// The kinds the rule can fire on, as its condition restricts them (<c>kind = 'Service'</c>),
    /// or null when the condition names none: then pod and container rules apply to every resource
    /// that carries a pod spec. Compared regardless of case.
    /// </summary>
    public IReadOnlySet<string>? Kinds => Condition.Pushdown.Kinds;

    internal bool MayApplyTo(string kind) => Kinds is not { } kinds || kinds.Contains(kind);

    public override string ToString() => Id;
}
