using System.Text.Json.Nodes;
using KubeFleet.Engine.Insight.Audit;
using KubeFleet.Engine.Tests.Search.Query;

namespace KubeFleet.Engine.Tests.Insight.Audit;

/// <summary>The built-in rules follow Kubernetes' own semantics: container settings override the pod's, defaults count.</summary>
public sealed class RuleSemanticsTests
{
    private static readonly ResourceAuditor Auditor = new(AuditRuleSet.BuiltIn);

    public static TheoryData<string, string, bool> RunAsRootCases => new()
    {
        // pod securityContext, web container securityContext additions, whether web may run as root
        { """{ "runAsNonRoot": true }""", "{}", false },
        { "{}", """{ "runAsNonRoot": true }""", false },
        { """{ "runAsUser": 1000 }""", "{}", false },
        { "{}", """{ "runAsUser": 1000 }""", false },
        { "{}", "{}", true },
        { """{ "runAsNonRoot": true }""", """{ "runAsNonRoot": false }""", true },
        { """{ "runAsNonRoot": true }""", """{ "runAsUser": 0 }""", true },
        { """{ "runAsUser": 0 }""", "{}", true },
        { """{ "runAsUser": 0 }""", """{ "runAsUser": 1000 }""", false },
        { """{ "runAsNonRoot": false }""", "{}", true },
        { """{ "runAsNonRoot": false }""", """{ "runAsNonRoot": true }""", false },
    };

    [Theory]
    [MemberData(nameof(RunAsRootCases))]
    public void RunAsRoot_takes_the_container_setting_over_the_pod_setting(string podContext, string containerContext, bool fires)
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            pod.Spec()["securityContext"] = JsonNode.Parse(podContext);
            foreach (var (name, value) in JsonNode.Parse(containerContext)!.AsObject())
                pod.Container().SecurityContext()[name] = value!.DeepClone();
            pod.Spec().Remove("initContainers");
        }));

        Assert.Equal(fires, audit.Findings.Any(finding => finding.RuleId == "RunAsRoot" && finding.Container == "web"));
    }

    public static TheoryData<string?, string?, bool> SeccompCases => new()
    {
        { "RuntimeDefault", null, false },
        { null, "RuntimeDefault", false },
        { "Localhost", null, false },
        { null, null, true },
        { "Unconfined", null, true },
        { "RuntimeDefault", "Unconfined", true },
        { "Unconfined", "RuntimeDefault", false },
    };

    [Theory]
    [MemberData(nameof(SeccompCases))]
    public void SeccompProfileMissing_takes_the_container_profile_over_the_pod_profile(string? podProfile, string? containerProfile, bool fires)
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            pod.Spec()["securityContext"] = Context(podProfile);
            pod.Container().SecurityContext()["seccompProfile"] = Context(containerProfile)["seccompProfile"]?.DeepClone();
            pod.Spec().Remove("initContainers");
        }));

        Assert.Equal(fires, audit.Findings.Any(finding => finding.RuleId == "SeccompProfileMissing"));

        static JsonObject Context(string? profile) =>
            profile is null ? new JsonObject { ["runAsNonRoot"] = true }
            : new JsonObject { ["runAsNonRoot"] = true, ["seccompProfile"] = new JsonObject { ["type"] = profile } };
    }

    [Theory]
    [InlineData("nginx", "ImageTagMissing")]
    [InlineData("library/nginx", "ImageTagMissing")]
    [InlineData("registry.example.com:5000/shop/web", "ImageTagMissing")]
    [InlineData("nginx:latest", "ImageTagLatest")]
    [InlineData("registry.example.com:5000/shop/web:latest", "ImageTagLatest")]
    [InlineData("nginx:1.27", null)]
    [InlineData("registry.example.com:5000/shop/web:1.4.2", null)]
    [InlineData("nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", null)]
    [InlineData("nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", null)]
    public void Image_tags_are_read_past_registry_ports_and_digests(string image, string? expectedRule)
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod => pod.Container()["image"] = image));

        Assert.Equal(expectedRule is null ? [] : [expectedRule], audit.Findings.Select(finding => finding.RuleId));
    }

    [Theory]
    [InlineData(null, "default", true)]
    [InlineData(null, null, true)]
    [InlineData(true, "default", true)]
    [InlineData(false, "default", false)]
    [InlineData(null, "web", false)]
    public void ServiceAccountTokenAutomounted_fires_for_the_default_account_unless_turned_off(bool? automount, string? account, bool fires)
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            pod.Spec()["serviceAccountName"] = account;
            pod.Spec()["automountServiceAccountToken"] = automount;
        }));

        Assert.Equal(fires, audit.Findings.Any(finding => finding.RuleId == "ServiceAccountTokenAutomounted"));
    }

    public static TheoryData<string, string> Workloads => new()
    {
        { "apps/v1", "Deployment" },
        { "apps/v1", "ReplicaSet" },
        { "apps/v1", "StatefulSet" },
        { "apps/v1", "DaemonSet" },
        { "batch/v1", "Job" },
        { "v1", "ReplicationController" },
        { "argoproj.io/v1alpha1", "Rollout" },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Pod_templates_of_workloads_and_workload_like_custom_resources_are_audited(string apiVersion, string kind)
    {
        var workload = AuditObjects.Workload(apiVersion, kind, AuditObjects.Pod(pod => pod.Container().SecurityContext()["privileged"] = true));

        var audit = Auditor.Audit(workload);

        Assert.Equal(kind, audit.Kind);
        Assert.Equal(["Privileged"], audit.Findings.Select(finding => finding.RuleId));
    }

    [Fact]
    public void The_jobs_a_cron_job_makes_are_audited()
    {
        var cronJob = AuditObjects.Workload("batch/v1", "CronJob", AuditObjects.Pod(pod => pod.Spec()["hostPID"] = true),
            template => new JsonObject { ["schedule"] = "@hourly", ["jobTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = template } } });

        Assert.Equal(["HostPID"], Auditor.Audit(cronJob).Findings.Select(finding => finding.RuleId));
    }

    [Fact]
    public void A_pod_template_object_is_audited()
    {
        var podTemplate = AuditObjects.Workload("v1", "PodTemplate", AuditObjects.Pod(pod => pod.Spec()["hostIPC"] = true));
        var flattened = JsonNode.Parse(podTemplate.Object.GetRawText())!.AsObject();
        flattened["template"] = flattened["spec"]!["template"]!.DeepClone();
        flattened.Remove("spec");

        var audit = Auditor.Audit(new ObjectRow("demo", flattened.ToJsonString()));

        Assert.Equal(["HostIPC"], audit.Findings.Select(finding => finding.RuleId));
    }
}
