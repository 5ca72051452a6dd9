using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>The errors a user's audit rule file can cause; every message names the file.</summary>
internal static class AuditRuleErrors
{
    private const string FormatHint =
        "A rule file is a JSON object with \"rules\" (a list of rules with id, target, severity, condition, message and fix) and \"disable\" (a list of rule ids); see Get-Help Test-KubeResource -Full, or docs/audit-rules.md in the KubeFleet repository.";

    public static KubeFleetException FileNotFound(string path, Exception inner) =>
        new("AuditRuleFileNotFound", ErrorKind.ObjectNotFound,
            $"The audit rule file '{path}' does not exist. Check the path, or leave -RulePath out to use the built-in rules (and the rule file beside the profile, if there is one).",
            path, inner);

    public static KubeFleetException FileUnreadable(string path, Exception inner) =>
        new("AuditRuleFileUnreadable", ErrorKind.ReadError,
            $"The audit rule file '{path}' cannot be read: {inner.Message} Check that it is a file you may read.",
            path, inner);

    public static KubeFleetException Invalid(string origin, string where, string problem, Exception? inner = null) =>
        new("AuditRuleFileInvalid", ErrorKind.InvalidData,
            $"The audit rule file '{origin}' is not valid: {where} {problem}. {FormatHint}",
            origin, inner);

    public static KubeFleetException ConditionInvalid(string origin, string ruleId, Exception inner) =>
        new("AuditRuleConditionInvalid", ErrorKind.InvalidData,
            $"The condition of audit rule '{ruleId}' in '{origin}' is not valid. Conditions use the language of Search-KubeResource -Query. {inner.Message}",
            ruleId, inner);

    public static KubeFleetException Duplicate(string origin, string ruleId) =>
        new("AuditRuleDuplicate", ErrorKind.InvalidData,
            $"The audit rule file '{origin}' defines rule '{ruleId}' more than once (rule ids ignore case). Give each rule its own id; to change a built-in rule, define it once with the built-in id.",
            ruleId);

    public static KubeFleetException UnknownDisabled(string origin, string ruleId, IEnumerable<string> knownIds) =>
        new("AuditRuleUnknown", ErrorKind.InvalidData,
            $"The audit rule file '{origin}' disables rule '{ruleId}', but no rule has that id. Known rules: {string.Join(", ", knownIds)}.",
            ruleId);
}
