using System.Text.Json;
using System.Text.RegularExpressions;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// One rule file, read and checked: the rules it defines and the ids it disables. The built-in
/// rules are a rule file too. Comments and trailing commas are allowed, since people edit these
/// files by hand; unknown properties are refused, so a misspelt one is not silently ignored.
/// <code>
/// {
///   "disable": [ "CpuLimitMissing" ],
///   "rules": [
///     { "id": "NodePortService", "target": "Resource", "severity": "Medium",
///       "condition": "kind = 'Service' and spec.type = 'NodePort'",
///       "message": "Service '{metadata.name}' opens node port(s) {spec.ports.nodePort} on every node.",
///       "fix": "Expose it through a LoadBalancer Service or an Ingress.",
///       "description": "Node ports bypass the load balancer's firewall." }
///   ]
/// }
/// </code>
/// </summary>
public sealed partial class AuditRuleFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly HashSet<string> FileProperties = new(StringComparer.Ordinal) { "$schema", "rules", "disable" };
    private static readonly HashSet<string> RuleProperties = new(StringComparer.Ordinal) { "id", "target", "severity", "condition", "message", "fix", "description" };

    private AuditRuleFile(string origin, IReadOnlyList<AuditRule> rules, IReadOnlyList<string> disabled)
    {
        Origin = origin;
        Rules = rules;
        Disabled = disabled;
    }

    /// <summary>The file's full path, or <see cref="AuditRuleSet.BuiltInOrigin"/>.</summary>
    public string Origin { get; }

    /// <summary>The rules the file defines, in file order; a rule with an earlier rule's id replaces it.</summary>
    public IReadOnlyList<AuditRule> Rules { get; }

    /// <summary>The ids of earlier rules to turn off.</summary>
    public IReadOnlyList<string> Disabled { get; }

    /// <summary>Reads a rule file from disk.</summary>
    /// <exception cref="Errors.KubeFleetException">AuditRuleFileNotFound, AuditRuleFileUnreadable, or any error of <see cref="Parse"/>.</exception>
    public static AuditRuleFile Read(string path)
    {
        var fullPath = Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw AuditRuleErrors.FileNotFound(fullPath, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AuditRuleErrors.FileUnreadable(fullPath, e);
        }
        return Parse(json, fullPath);
    }

    /// <summary>Reads a rule file's text; <paramref name="origin"/> names it in messages.</summary>
    /// <exception cref="Errors.KubeFleetException">AuditRuleFileInvalid, AuditRuleConditionInvalid or AuditRuleDuplicate.</exception>
    public static AuditRuleFile Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw AuditRuleErrors.Invalid(origin, "the file", $"is not JSON ({e.Message})", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw AuditRuleErrors.Invalid(origin, "the file", "must hold one JSON object");
            RefuseUnknown(origin, root, FileProperties, "the file");
            var disabled = ReadDisabled(origin, root);
            var rules = new List<AuditRule>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("rules", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                    throw AuditRuleErrors.Invalid(origin, "\"rules\"", "must be a list of rules");
                var index = 0;
                foreach (var element in list.EnumerateArray())
                {
                    var rule = ReadRule(origin, element, index++);
                    if (!ids.Add(rule.Id))
                        throw AuditRuleErrors.Duplicate(origin, rule.Id);
                    rules.Add(rule);
                }
            }
            return new AuditRuleFile(origin, rules, disabled);
        }
    }

    private static List<string> ReadDisabled(string origin, JsonElement root)
    {
        if (!root.TryGetProperty("disable", out var list))
            return [];
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
            throw AuditRuleErrors.Invalid(origin, "\"disable\"", "must be a list of rule ids, such as [\"CpuLimitMissing\"]");
        return list.EnumerateArray().Select(item => item.GetString()!).ToList();
    }

    private static AuditRule ReadRule(string origin, JsonElement element, int index)
    {
        var where = $"rule {index + 1} of \"rules\"";
        if (element.ValueKind != JsonValueKind.Object)
            throw AuditRuleErrors.Invalid(origin, where, "must be a JSON object");
        var id = RequiredText(origin, element, "id", where);
        if (!RuleId().IsMatch(id))
            throw AuditRuleErrors.Invalid(origin, $"{where}, id '{id}',", "must be a letter followed by letters and digits, such as \"NodePortService\"");
        where = $"rule '{id}'";
        RefuseUnknown(origin, element, RuleProperties, where);
        var target = RequiredEnum<AuditTarget>(origin, element, "target", where);
        var severity = RequiredEnum<AuditSeverity>(origin, element, "severity", where);
        SearchQuery condition;
        try
        {
            condition = SearchQuery.Parse(RequiredText(origin, element, "condition", where));
        }
        catch (QueryInvalidException e)
        {
            throw AuditRuleErrors.ConditionInvalid(origin, id, e);
        }
        if (condition.OrderBy.Count > 0)
            throw AuditRuleErrors.Invalid(origin, $"{where}:", "its condition has an 'order by', which means nothing in a rule; remove it");
        if (target == AuditTarget.Resource && condition.Pushdown.Kinds is null)
            throw AuditRuleErrors.Invalid(origin, $"{where}:", "targets whole resources, so its condition must say which kinds it reads, as in kind = 'Service' or kind in ('Ingress', 'Gateway')");
        var messageText = RequiredText(origin, element, "message", where);
        var message = MessageTemplate.TryParse(messageText, out var problem)
            ?? throw AuditRuleErrors.Invalid(origin, $"{where}, \"message\":", problem!);
        var fix = RequiredText(origin, element, "fix", where);
        var description = OptionalText(origin, element, "description", where);
        return new AuditRule(id, target, severity, condition, message, fix, description, origin);
    }

    private static void RefuseUnknown(string origin, JsonElement element, HashSet<string> known, string where)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
                throw AuditRuleErrors.Invalid(origin, $"{where}:", $"has an unknown property \"{property.Name}\"; the known ones are {string.Join(", ", known.Where(name => name != "$schema"))}");
        }
    }

    private static string RequiredText(string origin, JsonElement element, string name, string where) =>
        OptionalText(origin, element, name, where)
        ?? throw AuditRuleErrors.Invalid(origin, $"{where}:", $"has no \"{name}\"");

    private static string? OptionalText(string origin, JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw AuditRuleErrors.Invalid(origin, $"{where}, \"{name}\":", "must be text that is not empty");
        return value.GetString()!;
    }

    private static TEnum RequiredEnum<TEnum>(string origin, JsonElement element, string name, string where)
        where TEnum : struct, Enum
    {
        var text = RequiredText(origin, element, name, where);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        throw AuditRuleErrors.Invalid(origin, $"{where}, \"{name}\":", $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex RuleId();
}
