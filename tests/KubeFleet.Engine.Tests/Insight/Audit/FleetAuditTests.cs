using System.Text.Json;
using KubeFleet.Engine.Insight.Audit;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Insight.Audit;

/// <summary>Audits of whole generated clusters: which resources are read, and how they score.</summary>
[Collection(InsightFleetCollection.Name)]
public sealed class FleetAuditTests(InsightFleet fleet)
{
    private static readonly (string Group, string Resource, string Kind)[] PodSpecResources =
    [
        ("", "pods", "Pod"), ("apps", "deployments", "Deployment"), ("apps", "replicasets", "ReplicaSet"), ("apps", "statefulsets", "StatefulSet"),
        ("apps", "daemonsets", "DaemonSet"), ("batch", "jobs", "Job"), ("batch", "cronjobs", "CronJob"), ("", "replicationcontrollers", "ReplicationController"),
    ];

    [Fact]
    public async Task Each_pod_spec_is_audited_once_through_the_controller_at_its_top()
    {
        var audits = await AuditAsync(new AuditScope(AuditRuleSet.BuiltIn, includeControlled: false));

        var expected = fleet.Fleet.Clusters.SelectMany(cluster => PodSpecObjects(cluster)
            .Where(entry => !Owners(entry.Item).Any(owner => owner.Controller && AuditScope.PodSpecKinds.Contains(owner.Kind)))
            .Select(entry => Id(cluster.Name, entry.Kind, entry.Item)));
        Assert.Equal(expected.Order(), audits.Select(Id).Order());
        Assert.Contains(audits, audit => audit.Kind == "Deployment");
        Assert.Contains(audits, audit => audit.Kind == "Pod");
        Assert.DoesNotContain(audits, audit => audit.Kind == "ReplicaSet" && audit.Namespace == "shop");
    }

    [Fact]
    public async Task With_controlled_resources_every_object_that_carries_a_pod_spec_is_audited()
    {
        var audits = await AuditAsync(new AuditScope(AuditRuleSet.BuiltIn, includeControlled: true));

        var expected = fleet.Fleet.Clusters.SelectMany(cluster => PodSpecObjects(cluster).Select(entry => Id(cluster.Name, entry.Kind, entry.Item)));
        Assert.Equal(expected.Order(), audits.Select(Id).Order());
    }

    [Fact]
    public async Task Generated_workloads_have_findings_and_cluster_scores_are_the_mean_of_Karpors_formula()
    {
        var audits = await AuditAsync(new AuditScope(AuditRuleSet.BuiltIn, includeControlled: false));
        var board = new AuditScoreBoard(AuditGrouping.Cluster);
        foreach (var audit in audits)
            board.Add(audit);

        Assert.Contains(audits, audit => audit.Findings.Count > 0);
        Assert.All(audits, audit => Assert.Equal(100 * Math.Exp(-0.04 * audit.Findings.Count - 0.06 * audit.Findings.Sum(finding => (int)finding.Severity)), audit.Score, 1e-9));
        foreach (var score in board.Scores())
        {
            var ofCluster = audits.Where(audit => audit.Cluster == score.Cluster).ToList();
            Assert.Equal(ofCluster.Count, score.Resources);
            Assert.Equal(ofCluster.Average(audit => audit.Score), score.Score, 1e-9);
            Assert.InRange(score.Score, 0, 100);
        }
    }

    [Fact]
    public async Task A_resource_rule_adds_the_kinds_its_condition_names_to_what_is_read()
    {
        var rules = AuditRuleSet.BuiltIn.With(AuditRuleFile.Parse("""
            { "rules": [ { "id": "ClusterIPService", "target": "Resource", "severity": "Low", "condition": "kind = 'Service' and spec.type = 'ClusterIP'",
                           "message": "Service '{metadata.name}' is internal.", "fix": "None needed." } ] }
            """, "mine.json"));
        var scope = new AuditScope(rules, includeControlled: false);

        var audits = await AuditAsync(scope, rules, fleet["cluster-02"]);

        Assert.Contains("Service", scope.Kinds);
        var services = InsightFleet.Objects(fleet["cluster-02"], "", "services");
        Assert.Equal(services.Count, audits.Count(audit => audit.Kind == "Service"));
        Assert.Equal(
            services.Count(service => service.GetProperty("spec").GetProperty("type").GetString() == "ClusterIP"),
            audits.Count(audit => audit.Findings.Any(finding => finding.RuleId == "ClusterIPService")));
    }

    private async Task<List<ResourceAudit>> AuditAsync(AuditScope scope, AuditRuleSet? rules = null, StandIn.Hosting.StandInCluster? only = null)
    {
        var auditor = new ResourceAuditor(rules ?? AuditRuleSet.BuiltIn);
        var clusters = only is null ? fleet.Fleet.Clusters : [only];
        var request = new SearchRequest { Clusters = clusters.Select(cluster => fleet.Target(cluster)).ToList(), Kinds = scope.Kinds };
        var audits = new List<ResourceAudit>();
        await foreach (var searchEvent in new FleetSearch(fleet.Pool(fleet["cluster-01"].Users.Admin), fleet.Discovery).RunAsync(SearchPlan.Create(request)))
        {
            Assert.IsNotType<SearchFailed>(searchEvent);
            if (searchEvent is ResourceFound found && scope.Includes(found.Resource))
                audits.Add(auditor.Audit(found.Resource));
        }
        return audits;
    }

    private static IEnumerable<(string Kind, JsonElement Item)> PodSpecObjects(StandIn.Hosting.StandInCluster cluster) =>
        PodSpecResources.SelectMany(resource => InsightFleet.Objects(cluster, resource.Group, resource.Resource).Select(item => (resource.Kind, item)));

    private static IEnumerable<(string Kind, bool Controller)> Owners(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("ownerReferences", out var owners)
            ? owners.EnumerateArray().Select(owner => (owner.GetProperty("kind").GetString()!, owner.TryGetProperty("controller", out var controller) && controller.GetBoolean()))
            : [];

    private static string Id(ResourceAudit audit) => $"{audit.Cluster}/{audit.Namespace}/{audit.Kind}/{audit.Name}";

    private static string Id(string cluster, string kind, JsonElement item) =>
        $"{cluster}/{item.GetProperty("metadata").GetProperty("namespace").GetString()}/{kind}/{item.GetProperty("metadata").GetProperty("name").GetString()}";
}
