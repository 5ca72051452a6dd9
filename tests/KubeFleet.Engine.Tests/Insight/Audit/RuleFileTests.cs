using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Insight.Audit;
using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Tests.Search.Query;

namespace KubeFleet.Engine.Tests.Insight.Audit;

/// <summary>Users extend, replace and disable rules with rule files, and every mistake in one is named.</summary>
public sealed class RuleFileTests : IDisposable
{
    private const string NodePortRule = """
        { "id": "NodePortService", "target": "Resource", "severity": "Medium",
          "condition": "kind = 'Service' and spec.type = 'NodePort'",
          "message": "Service '{metadata.name}' opens node port(s) {spec.ports.nodePort}.",
          "fix": "Expose it through an Ingress." }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("kubefleet-rules-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_rule_file_adds_rules_over_any_kind()
    {
        var rules = AuditRuleSet.BuiltIn.With(AuditRuleFile.Parse($$"""{ "rules": [ {{NodePortRule}} ] }""", "mine.json"));
        var service = new ObjectRow("demo", """
            { "apiVersion": "v1", "kind": "Service", "metadata": { "name": "shop", "namespace": "web" },
              "spec": { "type": "NodePort", "ports": [ { "port": 80, "nodePort": 30080 }, { "port": 443, "nodePort": 30443 } ] } }
            """);

        var audit = new ResourceAuditor(rules).Audit(service);

        var finding = Assert.Single(audit.Findings);
        Assert.Equal(("NodePortService", AuditSeverity.Medium, "Service 'shop' opens node port(s) 30080, 30443."), (finding.RuleId, finding.Severity, finding.Message));
        Assert.Equal("mine.json", rules.Rules.Single(rule => rule.Id == "NodePortService").Origin);
        Assert.Equal(["Service"], rules.Rules.Single(rule => rule.Id == "NodePortService").Kinds!);
    }

    [Fact]
    public void A_rule_with_a_built_in_id_replaces_it_in_place_whatever_the_case()
    {
        var file = AuditRuleFile.Parse("""
            { "rules": [ { "id": "capabilitiesadded", "target": "Container", "severity": "Low",
                           "condition": "container.securityContext.capabilities.add != missing and container.securityContext.capabilities.add not in ('NET_BIND_SERVICE')",
                           "message": "Container '{container.name}' adds capabilities beyond NET_BIND_SERVICE.", "fix": "Drop them." } ] }
            """, "mine.json");
        var rules = AuditRuleSet.BuiltIn.With(file);
        var auditor = new ResourceAuditor(rules);

        var bindOnly = auditor.Audit(AuditObjects.Pod(pod => pod.Container().SecurityContext()["capabilities"]!["add"] = new System.Text.Json.Nodes.JsonArray("NET_BIND_SERVICE")));
        var admin = auditor.Audit(AuditObjects.Pod(pod => pod.Container().SecurityContext()["capabilities"]!["add"] = new System.Text.Json.Nodes.JsonArray("NET_ADMIN")));

        Assert.Equal(AuditRuleSet.BuiltIn.Rules.Select(rule => rule.Id.ToLowerInvariant()), rules.Rules.Select(rule => rule.Id.ToLowerInvariant()));
        Assert.Empty(bindOnly.Findings);
        Assert.Equal(("capabilitiesadded", AuditSeverity.Low), (admin.Findings.Single().RuleId, admin.Findings.Single().Severity));
    }

    [Fact]
    public void Disabled_rules_stop_firing()
    {
        var rules = AuditRuleSet.BuiltIn.With(AuditRuleFile.Parse("""{ "disable": [ "Privileged", "hostpid" ] }""", "mine.json"));

        var audit = new ResourceAuditor(rules).Audit(AuditObjects.Pod(pod =>
        {
            pod.Container().SecurityContext()["privileged"] = true;
            pod.Spec()["hostPID"] = true;
        }));

        Assert.Empty(audit.Findings);
        Assert.Equal(AuditRuleSet.BuiltIn.Rules.Count - 2, rules.Rules.Count);
    }

    [Fact]
    public void Files_apply_in_order_and_two_files_may_disable_the_same_rule()
    {
        var first = Write("first.json", $$"""{ "disable": [ "CpuLimitMissing" ], "rules": [ {{NodePortRule}} ] }""");
        var second = Write("second.json", """
            // Hand-edited files may have comments and trailing commas.
            { "disable": [ "CpuLimitMissing", "NodePortService", ], }
            """);

        var rules = AuditRuleSet.Load([first, second]);

        Assert.DoesNotContain(rules.Rules, rule => rule.Id is "CpuLimitMissing" or "NodePortService");
        Assert.Equal(AuditRuleSet.BuiltIn.Rules.Count - 1, rules.Rules.Count);
    }

    [Fact]
    public void The_rule_file_beside_the_profile_applies_before_the_files_given()
    {
        var profile = Path.Combine(folder, "profile.json");
        Write(AuditRuleSet.ProfileRuleFileName, $$"""{ "disable": [ "CpuLimitMissing" ], "rules": [ {{NodePortRule}} ] }""");
        var given = Write("given.json", $$"""{ "rules": [ {{NodePortRule.Replace("Medium", "High")}} ] }""");

        var rules = AuditRuleSet.LoadFor(profile, [given]);
        var withoutFiles = AuditRuleSet.LoadFor(Path.Combine(folder, "elsewhere", "profile.json"), []);

        Assert.DoesNotContain(rules.Rules, rule => rule.Id == "CpuLimitMissing");
        Assert.Equal((AuditSeverity.High, given), rules.Rules.Where(rule => rule.Id == "NodePortService").Select(rule => (rule.Severity, rule.Origin)).Single());
        Assert.Equal(AuditRuleSet.BuiltIn.Rules, withoutFiles.Rules);
    }

    public static TheoryData<string, string, string> InvalidFiles => new()
    {
        { "[ ]", "AuditRuleFileInvalid", "must hold one JSON object" },
        { "{ \"rules\": [ ", "AuditRuleFileInvalid", "is not JSON" },
        { """{ "rule": [] }""", "AuditRuleFileInvalid", "unknown property \"rule\"" },
        { """{ "rules": {} }""", "AuditRuleFileInvalid", "\"rules\" must be a list of rules" },
        { """{ "disable": "Privileged" }""", "AuditRuleFileInvalid", "\"disable\" must be a list of rule ids" },
        { """{ "rules": [ { "target": "Pod" } ] }""", "AuditRuleFileInvalid", "rule 1 of \"rules\": has no \"id\"" },
        { """{ "rules": [ { "id": "no-dashes" } ] }""", "AuditRuleFileInvalid", "id 'no-dashes', must be a letter followed by letters and digits" },
        { Rule("\"serverity\": \"High\""), "AuditRuleFileInvalid", "rule 'Custom': has an unknown property \"serverity\"" },
        { Rule("\"target\": \"Node\""), "AuditRuleFileInvalid", "rule 'Custom', \"target\": 'Node' is not one of Resource, Pod, Container" },
        { Rule("\"severity\": \"Severe\""), "AuditRuleFileInvalid", "rule 'Custom', \"severity\": 'Severe' is not one of Low, Medium, High, Critical" },
        { Rule("\"severity\": 3"), "AuditRuleFileInvalid", "rule 'Custom', \"severity\": must be text" },
        { Rule("\"fix\": \" \""), "AuditRuleFileInvalid", "rule 'Custom', \"fix\": must be text that is not empty" },
        { Rule("\"message\": \"Pod {spec.nodeName\""), "AuditRuleFileInvalid", "'{' at character 5 must start a placeholder" },
        { Rule("\"message\": \"Pod } here\""), "AuditRuleFileInvalid", "'}' at character 5 closes nothing" },
        { Rule("\"condition\": \"kind = 'Pod' order by name\""), "AuditRuleFileInvalid", "order by" },
        { Rule("\"target\": \"Resource\""), "AuditRuleFileInvalid", "rule 'Custom': targets whole resources, so its condition must say which kinds it reads" },
        { Rule("\"condition\": \"spec.hostPID ==\""), "AuditRuleConditionInvalid", "The condition of audit rule 'Custom' in 'mine.json' is not valid" },
        { $$"""{ "rules": [ {{NodePortRule}}, {{NodePortRule.Replace("NodePortService", "nodeportservice")}} ] }""", "AuditRuleDuplicate", "defines rule 'nodeportservice' more than once" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Mistakes_are_named_with_the_file(string json, string errorId, string expectedText)
    {
        var error = Assert.ThrowsAny<KubeFleetException>(() => AuditRuleFile.Parse(json, "mine.json"));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("'mine.json'", error.Message);
        Assert.Contains(expectedText, error.Message);
    }

    [Fact]
    public void An_invalid_condition_keeps_the_query_error_that_points_at_the_problem()
    {
        var error = Assert.ThrowsAny<KubeFleetException>(() => AuditRuleFile.Parse(Rule("\"condition\": \"spec.hostPID ==\""), "mine.json"));

        var queryError = Assert.IsType<QueryInvalidException>(error.InnerException);
        Assert.Equal("spec.hostPID ==".Length, queryError.Position);
        Assert.Contains(queryError.Message, error.Message);
        Assert.Equal("Custom", error.Target);
    }

    [Fact]
    public void Disabling_a_rule_nobody_defined_is_refused_with_the_known_ids()
    {
        var error = Assert.Throws<KubeFleetException>(() => AuditRuleSet.BuiltIn.With(AuditRuleFile.Parse("""{ "disable": [ "Priviledged" ] }""", "mine.json")));

        Assert.Equal("AuditRuleUnknown", error.ErrorId);
        Assert.Contains("disables rule 'Priviledged', but no rule has that id", error.Message);
        Assert.Contains("Privileged", error.Message.Split("Known rules:")[1]);
    }

    [Fact]
    public void A_missing_file_is_not_found_with_its_full_path()
    {
        var path = Path.Combine(folder, "absent.json");

        var error = Assert.Throws<KubeFleetException>(() => AuditRuleSet.Load([path]));

        Assert.Equal(("AuditRuleFileNotFound", ErrorKind.ObjectNotFound, (object?)path), (error.ErrorId, error.Kind, error.Target));
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Every_built_in_rule_documents_why_it_matters()
    {
        Assert.All(AuditRuleSet.BuiltIn.Rules, rule =>
        {
            Assert.Equal(AuditRuleSet.BuiltInOrigin, rule.Origin);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
            Assert.NotEqual(AuditTarget.Resource, rule.Target);
        });
    }

    private static string Rule(string replacement)
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "\"id\": \"Custom\"",
            ["target"] = "\"target\": \"Pod\"",
            ["severity"] = "\"severity\": \"High\"",
            ["condition"] = "\"condition\": \"spec.hostPID = true\"",
            ["message"] = "\"message\": \"Shares PIDs.\"",
            ["fix"] = "\"fix\": \"Stop it.\"",
        };
        var name = replacement.Split('"')[1];
        fields[fields.ContainsKey(name) ? name : "extra"] = replacement;
        return $"{{ \"rules\": [ {{ {string.Join(", ", fields.Values)} }} ] }}";
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
