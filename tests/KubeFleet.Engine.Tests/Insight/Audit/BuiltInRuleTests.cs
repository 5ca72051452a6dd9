using System.Text.Json.Nodes;
using KubeFleet.Engine.Insight.Audit;

namespace KubeFleet.Engine.Tests.Insight.Audit;

/// <summary>Each built-in rule fires on a pod weakened in its one way, and none fires on a hardened pod.</summary>
public sealed class BuiltInRuleTests
{
    private static readonly Dictionary<string, Action<JsonObject>> Weakenings = new()
    {
        ["Privileged"] = pod => pod.Container().SecurityContext()["privileged"] = true,
        ["PrivilegeEscalationAllowed"] = pod => pod.Container().SecurityContext().Remove("allowPrivilegeEscalation"),
        ["RunAsRoot"] = pod => pod.Spec()["securityContext"]!.AsObject().Remove("runAsNonRoot"),
        ["CapabilitiesAdded"] = pod => pod.Container().SecurityContext()["capabilities"]!["add"] = new JsonArray("NET_ADMIN", "SYS_TIME"),
        ["HostNetwork"] = pod => pod.Spec()["hostNetwork"] = true,
        ["HostPID"] = pod => pod.Spec()["hostPID"] = true,
        ["HostIPC"] = pod => pod.Spec()["hostIPC"] = true,
        ["HostPathMount"] = pod => pod.Spec()["volumes"]!.AsArray().Add(new JsonObject { ["name"] = "docker", ["hostPath"] = new JsonObject { ["path"] = "/var/run/docker.sock" } }),
        ["MemoryLimitMissing"] = pod => pod.Container()["resources"]!["limits"]!.AsObject().Remove("memory"),
        ["CpuLimitMissing"] = pod => pod.Container()["resources"]!["limits"]!.AsObject().Remove("cpu"),
        ["ImageTagLatest"] = pod => pod.Container()["image"] = "nginx:latest",
        ["ImageTagMissing"] = pod => pod.Container()["image"] = "nginx",
        ["ServiceAccountTokenAutomounted"] = pod => pod.Spec()["serviceAccountName"] = "default",
        ["RootFilesystemWritable"] = pod => pod.Container().SecurityContext()["readOnlyRootFilesystem"] = false,
        ["SeccompProfileMissing"] = pod => pod.Spec()["securityContext"]!.AsObject().Remove("seccompProfile"),
    };

    private static readonly ResourceAuditor Auditor = new(AuditRuleSet.BuiltIn);

    public static TheoryData<string> RuleIds => new(Weakenings.Keys);

    [Fact]
    public void Every_built_in_rule_has_a_weakening_here()
    {
        Assert.Equal(Weakenings.Keys.Order(), AuditRuleSet.BuiltIn.Rules.Select(rule => rule.Id).Order());
    }

    [Fact]
    public void No_rule_fires_on_a_hardened_pod()
    {
        var audit = Auditor.Audit(AuditObjects.Hardened());

        Assert.Empty(audit.Findings);
        Assert.Equal(100, audit.Score);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_rule_fires_on_its_weakness_and_no_other_rule_does(string ruleId)
    {
        var audit = Auditor.Audit(AuditObjects.Pod(Weakenings[ruleId]));

        Assert.NotEmpty(audit.Findings);
        var rule = AuditRuleSet.BuiltIn.Rules.Single(rule => rule.Id == ruleId);
        Assert.All(audit.Findings, finding =>
        {
            Assert.Equal(ruleId, finding.RuleId);
            Assert.Equal(rule.Severity, finding.Severity);
            Assert.Equal(rule.Fix, finding.Fix);
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void A_rule_fires_on_a_deployment_whose_template_has_its_weakness(string ruleId)
    {
        var deployment = AuditObjects.Workload("apps/v1", "Deployment", AuditObjects.Pod(Weakenings[ruleId]));

        var audit = Auditor.Audit(deployment);

        Assert.NotEmpty(audit.Findings);
        Assert.All(audit.Findings, finding => Assert.Equal(ruleId, finding.RuleId));
    }

    [Fact]
    public void Container_findings_name_the_container_and_cover_init_containers()
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            pod.Container().SecurityContext()["privileged"] = true;
            pod.Spec()["initContainers"]![0]!["securityContext"]!["privileged"] = true;
        }));

        Assert.Equal(["migrate", "web"], audit.Findings.Select(finding => finding.Container));
        Assert.Equal("Container 'web' runs privileged: it has every capability and every device of its node.", audit.Findings[1].Message);
    }

    [Fact]
    public void Messages_list_every_value_a_placeholder_finds()
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            Weakenings["CapabilitiesAdded"](pod);
            Weakenings["HostPathMount"](pod);
            pod.Spec()["volumes"]!.AsArray().Add(new JsonObject { ["name"] = "logs", ["hostPath"] = new JsonObject { ["path"] = "/var/log" } });
        }));

        Assert.Equal(
            ["Container 'web' adds Linux capabilities: NET_ADMIN, SYS_TIME.", "The pod mounts paths of its node: /var/run/docker.sock, /var/log."],
            audit.Findings.Select(finding => finding.Message).Order());
    }

    [Fact]
    public void Pod_findings_are_reported_once_however_many_containers_there_are()
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            pod.Spec()["hostNetwork"] = true;
            pod.Spec()["containers"]!.AsArray().Add(pod.Container().DeepClone());
        }));

        var finding = Assert.Single(audit.Findings);
        Assert.Null(finding.Container);
    }

    [Fact]
    public void Ephemeral_containers_are_audited_but_need_no_limits()
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
            pod.Spec()["ephemeralContainers"] = new JsonArray(new JsonObject { ["name"] = "debugger", ["image"] = "busybox:1.36" })));

        Assert.Equal(
            ["PrivilegeEscalationAllowed", "RootFilesystemWritable"],
            audit.Findings.Where(finding => finding.Container == "debugger").Select(finding => finding.RuleId).Order());
    }

    [Fact]
    public void Resources_without_a_pod_spec_are_clean()
    {
        var configMap = new Search.Query.ObjectRow("demo", """{ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "settings", "namespace": "shop" }, "data": { "privileged": "true" } }""");

        var audit = Auditor.Audit(configMap);

        Assert.Empty(audit.Findings);
        Assert.Equal(100, audit.Score);
    }
}
