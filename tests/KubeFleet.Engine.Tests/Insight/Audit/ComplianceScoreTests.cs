using KubeFleet.Engine.Insight.Audit;

namespace KubeFleet.Engine.Tests.Insight.Audit;

/// <summary>Scores follow Karpor's formula, 100·exp(−0.04·issues − 0.06·sum of severities), and groups average over all their resources.</summary>
public sealed class ComplianceScoreTests
{
    private static readonly ResourceAuditor Auditor = new(AuditRuleSet.BuiltIn);

    [Fact]
    public void Severities_weigh_one_two_three_and_five()
    {
        Assert.Equal([1, 2, 3, 5], Enum.GetValues<AuditSeverity>().Select(severity => (int)severity));
    }

    [Fact]
    public void A_resource_with_one_critical_finding_scores_100_times_e_to_the_minus_0_34()
    {
        var audit = Auditor.Audit(AuditObjects.Pod(pod => pod.Container().SecurityContext()["privileged"] = true));

        Assert.Equal(5, audit.SeveritySum);
        Assert.Equal(71.17703227626097, audit.Score, 1e-9);
        Assert.Equal(AuditSeverity.Critical, audit.HighestSeverity);
    }

    [Fact]
    public void A_resource_scores_by_its_number_of_findings_and_their_severities()
    {
        // Privileged (Critical 5), HostPID (High 3) and CpuLimitMissing (Low 1): 3 issues, severity sum 9.
        var audit = Auditor.Audit(AuditObjects.Pod(pod =>
        {
            pod.Container().SecurityContext()["privileged"] = true;
            pod.Spec()["hostPID"] = true;
            pod.Container()["resources"]!["limits"]!.AsObject().Remove("cpu");
        }));

        Assert.Equal(3, audit.Findings.Count);
        Assert.Equal(9, audit.SeveritySum);
        Assert.Equal(51.68513344916992, audit.Score, 1e-9);
    }

    [Fact]
    public void A_group_scores_the_mean_of_all_its_resources_clean_ones_included()
    {
        var board = new AuditScoreBoard(AuditGrouping.Cluster);
        board.Add(Auditor.Audit(AuditObjects.Hardened("demo")));
        board.Add(Auditor.Audit(AuditObjects.Pod(pod => pod.Container().SecurityContext()["privileged"] = true, "demo")));
        board.Add(Auditor.Audit(AuditObjects.Hardened("prod")));

        var scores = board.Scores();

        Assert.Equal(["demo", "prod"], scores.Select(score => score.Cluster));
        var demo = scores[0];
        Assert.Equal((2, 1, 1), (demo.Resources, demo.ResourcesWithFindings, demo.Findings));
        Assert.Equal(85.58851613813047, demo.Score, 1e-9);
        Assert.Equal(100, scores[1].Score);
    }

    [Fact]
    public void Namespace_groups_keep_clusters_apart_and_group_cluster_scoped_resources_without_a_namespace()
    {
        var board = new AuditScoreBoard(AuditGrouping.Namespace);
        board.Add(Auditor.Audit(AuditObjects.Pod(pod => pod.Spec()["hostIPC"] = true, "demo")));
        board.Add(Auditor.Audit(AuditObjects.Hardened("prod")));
        board.Add(Auditor.Audit(new Search.Query.ObjectRow("prod", """{ "apiVersion": "v1", "kind": "Node", "metadata": { "name": "node-1" } }""")));

        var scores = board.Scores();

        Assert.Equal([("demo", "shop"), ("prod", null), ("prod", "shop")], scores.Select(score => (score.Cluster, score.Namespace)));
        Assert.True(scores[0].Score < 100);
        Assert.All(scores.Skip(1), score => Assert.Equal(100, score.Score));
    }

    [Fact]
    public void Workspace_groups_count_a_cluster_in_each_of_its_workspaces_and_collect_the_rest_without_one()
    {
        var workspaces = new Dictionary<string, string[]> { ["demo"] = ["payments", "shop"], ["prod"] = ["shop"], ["lab"] = [] };
        var board = new AuditScoreBoard(AuditGrouping.Workspace, cluster => workspaces[cluster]);
        board.Add(Auditor.Audit(AuditObjects.Pod(pod => pod.Spec()["hostNetwork"] = true, "demo")));
        board.Add(Auditor.Audit(AuditObjects.Hardened("prod")));
        board.Add(Auditor.Audit(AuditObjects.Hardened("lab")));

        var scores = board.Scores();

        Assert.Equal([null, "payments", "shop"], scores.Select(score => score.Workspace));
        Assert.Equal([1, 1, 2], scores.Select(score => score.Resources));
        Assert.Equal(100, scores[0].Score);
        Assert.Equal((scores[1].Score + 100) / 2, scores[2].Score, 1e-9);
    }

    [Fact]
    public void Grouping_by_workspace_needs_the_clusters_workspaces()
    {
        Assert.Throws<ArgumentNullException>(() => new AuditScoreBoard(AuditGrouping.Workspace));
    }
}
