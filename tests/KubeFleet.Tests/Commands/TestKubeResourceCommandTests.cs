using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;

namespace KubeFleet.Tests.Commands;

/// <summary>Test-KubeResource auditing registered stand-in clusters: scopes, rule files, group scores, errors.</summary>
[Collection(KubeClusterStandInCollection.Name)]
public sealed class TestKubeResourceCommandTests(KubeClusterStandInFleet fleet) : IDisposable
{
    private const string NodePortRule = """
        { "rules": [ { "id": "ClusterIPService", "target": "Resource", "severity": "Low",
                       "condition": "kind = 'Service' and spec.type = 'ClusterIP'",
                       "message": "Service '{metadata.name}' is reachable inside the cluster only.", "fix": "Nothing to do." } ],
          "disable": [ "CpuLimitMissing" ] }
        """;

    private readonly KubeClusterTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void A_namespace_of_every_cluster_is_audited_one_result_per_top_level_workload()
    {
        Register("one", fleet.One);
        Register("two", fleet.Two);

        var run = bed.Harness<TestKubeResourceCommand>().With("Namespace", "shop").Invoke();

        Assert.Empty(run.Errors);
        var results = run.OutputOf<KubeAuditResult>();
        Assert.Equal(["one", "two"], results.Select(result => result.Cluster).Distinct().Order());
        Assert.All(results, result =>
        {
            Assert.Equal("shop", result.Namespace);
            Assert.Equal(result.Findings.Length, result.FindingCount);
            Assert.Equal(100 * Math.Exp(-0.04 * result.FindingCount - 0.06 * result.SeveritySum), result.Score, 1e-9);
            Assert.All(result.Findings, finding => Assert.Equal((result.Cluster, result.Kind, result.Name), (finding.Cluster, finding.Kind, finding.Name)));
        });
        Assert.DoesNotContain(results, result => result.Kind == "ReplicaSet");
        Assert.Contains(results, result => result.Kind == "Deployment" && result.FindingCount > 0);
        Assert.Equal([0, 50, 100, 100], run.Progress.Select(progress => progress.PercentComplete));
    }

    [Fact]
    public void Controlled_resources_are_audited_when_asked_for()
    {
        Register("one", fleet.One);

        var topLevel = bed.Harness<TestKubeResourceCommand>().With("Namespace", "shop").Invoke().OutputOf<KubeAuditResult>();
        var all = bed.Harness<TestKubeResourceCommand>().With("Namespace", "shop").WithSwitch("IncludeControlled").Invoke().OutputOf<KubeAuditResult>();

        Assert.Contains(all, result => result.Kind == "ReplicaSet");
        Assert.Superset(topLevel.Select(Id).ToHashSet(), all.Select(Id).ToHashSet());
        Assert.True(all.Count > topLevel.Count);
    }

    [Fact]
    public void Group_scores_are_the_mean_of_the_resources_scores()
    {
        Register("one", fleet.One);
        Register("two", fleet.Two);

        var results = bed.Harness<TestKubeResourceCommand>().Invoke().OutputOf<KubeAuditResult>();
        var byCluster = bed.Harness<TestKubeResourceCommand>().With("GroupBy", "Cluster").Invoke().OutputOf<KubeAuditScore>();
        var byNamespace = bed.Harness<TestKubeResourceCommand>().With("GroupBy", KubeAuditGrouping.Namespace).Invoke().OutputOf<KubeAuditScore>();

        Assert.Equal(["one", "two"], byCluster.Select(score => score.Cluster));
        Assert.All(byCluster, score =>
        {
            var ofCluster = results.Where(result => result.Cluster == score.Cluster).ToList();
            Assert.Equal((KubeAuditGrouping.Cluster, ofCluster.Count, ofCluster.Sum(result => result.FindingCount)), (score.GroupBy, score.Resources, score.Findings));
            Assert.Equal(ofCluster.Average(result => result.Score), score.Score, 1e-9);
        });
        Assert.Equal(results.Select(result => (result.Cluster, result.Namespace)).Distinct().Count(), byNamespace.Count);
        Assert.Equal(results.Count, byNamespace.Sum(score => score.Resources));
    }

    [Fact]
    public void Workspace_groups_count_clusters_without_a_workspace_apart()
    {
        Register("one", fleet.One);

        var scores = bed.Harness<TestKubeResourceCommand>().With("Namespace", "shop").With("GroupBy", "Workspace").Invoke().OutputOf<KubeAuditScore>();

        var score = Assert.Single(scores);
        Assert.Equal((KubeAuditGrouping.Workspace, (string?)null), (score.GroupBy, score.Workspace));
    }

    [Fact]
    public void Rule_files_beside_the_profile_and_given_add_replace_and_disable_rules()
    {
        Register("one", fleet.One);
        bed.WriteFile("audit-rules.json", """{ "disable": [ "RootFilesystemWritable" ] }""");
        var given = bed.WriteFile("team-rules.json", NodePortRule);

        var run = bed.Harness<TestKubeResourceCommand>().With("Namespace", "shop").With("RulePath", given).Invoke();

        var results = run.OutputOf<KubeAuditResult>();
        var rules = results.SelectMany(result => result.Findings).Select(finding => finding.RuleId).ToHashSet();
        Assert.Contains("ClusterIPService", rules);
        Assert.DoesNotContain("CpuLimitMissing", rules);
        Assert.DoesNotContain("RootFilesystemWritable", rules);
        Assert.Contains(results, result => result.Kind == "Service");
    }

    [Fact]
    public void An_invalid_rule_file_stops_the_command_naming_the_file_and_the_rule()
    {
        Register("one", fleet.One);
        var broken = bed.WriteFile("broken.json", """{ "rules": [ { "id": "Bad", "target": "Pod", "severity": "High", "condition": "spec.hostPID ==", "message": "m", "fix": "f" } ] }""");

        var run = bed.Harness<TestKubeResourceCommand>().With("RulePath", broken).Invoke();

        Assert.Equal("AuditRuleConditionInvalid", run.TerminatingError!.ErrorId);
        Assert.Contains(Path.Combine(bed.Directory, "broken.json"), run.TerminatingError.Message);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_missing_cluster_name_and_an_unreachable_cluster_are_errors_and_the_rest_is_audited()
    {
        Register("one", fleet.One);
        var refused = bed.WriteFile("refused.kubeconfig", KubeClusterTestBed.TokenKubeConfig(KubeClusterTestBed.RefusingServer()));
        Assert.Empty(bed.Harness<RegisterKubeClusterCommand>().With("Name", "gone").With("KubeConfigPath", refused).WithSwitch("SkipVerification").Invoke().Errors);

        var run = bed.Harness<TestKubeResourceCommand>().With("Cluster", new[] { "one", "gone", "staging" }).With("Namespace", "shop").Invoke();

        Assert.Equal(
            [TestKubeResourceCommand.NotFoundErrorId, "ClusterConnectionRefused"],
            run.Errors.Select(error => error.ErrorId));
        Assert.NotEmpty(run.OutputOf<KubeAuditResult>());
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Theory]
    [InlineData(typeof(KubeAuditResult))]
    [InlineData(typeof(KubeAuditScore))]
    [InlineData(typeof(KubeAuditFinding))]
    public void The_table_views_show_only_properties_the_types_have(Type outputType)
    {
        GetKubeClusterSummaryCommandTests.AssertViewFits(outputType);
    }

    private static string Id(KubeAuditResult result) => $"{result.Cluster}/{result.Kind}/{result.Namespace}/{result.Name}";

    private void Register(string name, StandInCluster cluster)
    {
        var path = fleet.Kubeconfig(bed, cluster, cluster.Users.Admin, CredentialStyle.Embedded, $"{name}.kubeconfig");
        Assert.Empty(bed.Harness<RegisterKubeClusterCommand>().With("Name", name).With("KubeConfigPath", path).Invoke().Errors);
    }
}
