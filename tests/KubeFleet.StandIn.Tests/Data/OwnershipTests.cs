using System.Text.Json;

namespace KubeFleet.StandIn.Tests.Data;

/// <summary>Controllers own what they create, and their selectors select exactly their pods.</summary>
public sealed class OwnershipTests
{
    private static readonly KubeFleet.StandIn.Data.ClusterData Cluster = SampleClusters.Large;

    [Fact]
    public void ReplicaSetPodsChainToTheirDeployment()
    {
        var replicaSets = Cluster.ReadObjects("apps", "replicasets").ToDictionary(SampleClusters.Uid);
        var deployments = Cluster.ReadObjects("apps", "deployments").ToDictionary(SampleClusters.Uid);
        var owned = Cluster.ReadObjects("", "pods").Where(p => SampleClusters.Controller(p)?.GetProperty("kind").GetString() == "ReplicaSet").ToArray();

        Assert.NotEmpty(owned);
        foreach (var pod in owned)
        {
            var owner = SampleClusters.Controller(pod)!.Value;
            var replicaSet = replicaSets[owner.GetProperty("uid").GetString()!];
            Assert.Equal(SampleClusters.Name(replicaSet), owner.GetProperty("name").GetString());
            Assert.Equal(SampleClusters.Namespace(pod), SampleClusters.Namespace(replicaSet));
            Assert.StartsWith(SampleClusters.Name(replicaSet) + "-", SampleClusters.Name(pod));

            var hash = SampleClusters.Labels(pod)["pod-template-hash"];
            Assert.EndsWith("-" + hash, SampleClusters.Name(replicaSet));
            Assert.True(Selects(SampleClusters.MatchLabels(replicaSet), pod), $"{SampleClusters.Name(replicaSet)} does not select its pod {SampleClusters.Name(pod)}");

            var deployment = deployments[SampleClusters.Controller(replicaSet)!.Value.GetProperty("uid").GetString()!];
            Assert.True(Selects(SampleClusters.MatchLabels(deployment), pod), $"{SampleClusters.Name(deployment)} does not select {SampleClusters.Name(pod)}");
        }
    }

    [Fact]
    public void DeploymentsKeepTheirRolloutHistoryAsEmptyReplicaSets()
    {
        var replicaSets = Cluster.ReadObjects("apps", "replicasets");
        var history = replicaSets.Where(rs => rs.GetProperty("spec").GetProperty("replicas").GetInt32() == 0).ToArray();

        Assert.NotEmpty(history);
        Assert.All(replicaSets, rs => Assert.True(rs.GetProperty("metadata").GetProperty("annotations").TryGetProperty("deployment.kubernetes.io/revision", out _)));
    }

    [Fact]
    public void WorkloadStatusCountsTheirReadyPods()
    {
        var pods = Cluster.ReadObjects("", "pods");
        foreach (var replicaSet in Cluster.ReadObjects("apps", "replicasets").Where(rs => rs.GetProperty("spec").GetProperty("replicas").GetInt32() > 0))
        {
            var uid = SampleClusters.Uid(replicaSet);
            var ready = pods.Count(p => SampleClusters.Controller(p)?.GetProperty("uid").GetString() == uid && IsReady(p));
            var reported = replicaSet.GetProperty("status").TryGetProperty("readyReplicas", out var count) ? count.GetInt32() : 0;
            Assert.Equal(ready, reported);
        }
    }

    [Fact]
    public void StatefulSetPodsAreNumberedAndEachOwnsAClaim()
    {
        var claims = SampleClusters.ByKey(Cluster, "", "persistentvolumeclaims");
        var statefulSets = Cluster.ReadObjects("apps", "statefulsets");

        Assert.NotEmpty(statefulSets);
        foreach (var statefulSet in statefulSets)
        {
            var uid = SampleClusters.Uid(statefulSet);
            var ns = SampleClusters.Namespace(statefulSet);
            var pods = Cluster.ReadObjects("", "pods").Where(p => SampleClusters.Controller(p)?.GetProperty("uid").GetString() == uid).Select(SampleClusters.Name).Order().ToArray();
            var expected = Enumerable.Range(0, statefulSet.GetProperty("spec").GetProperty("replicas").GetInt32()).Select(i => $"{SampleClusters.Name(statefulSet)}-{i}").Order().ToArray();
            Assert.Equal(expected, pods);
            Assert.All(pods, pod => Assert.True(claims.ContainsKey($"{ns}/data-{pod}"), $"claim data-{pod} is missing"));
        }
    }

    [Fact]
    public void DaemonSetsRunOnePodOnEveryNode()
    {
        var nodes = Cluster.ReadObjects("", "nodes").Select(SampleClusters.Name).Order().ToArray();
        foreach (var daemonSet in Cluster.ReadObjects("apps", "daemonsets"))
        {
            var uid = SampleClusters.Uid(daemonSet);
            var placed = Cluster.ReadObjects("", "pods")
                .Where(p => SampleClusters.Controller(p)?.GetProperty("uid").GetString() == uid)
                .Select(p => p.GetProperty("spec").GetProperty("nodeName").GetString())
                .Order()
                .ToArray();
            Assert.Equal(nodes, placed);
        }
    }

    [Fact]
    public void JobPodsBelongToJobsAndCronJobsKeepTheirRuns()
    {
        var jobs = Cluster.ReadObjects("batch", "jobs").ToDictionary(SampleClusters.Uid);
        var cronJobs = Cluster.ReadObjects("batch", "cronjobs");
        var jobPods = Cluster.ReadObjects("", "pods").Where(p => SampleClusters.Controller(p)?.GetProperty("kind").GetString() == "Job").ToArray();

        Assert.NotEmpty(jobPods);
        Assert.NotEmpty(cronJobs);
        Assert.All(jobPods, pod => Assert.True(jobs.ContainsKey(SampleClusters.Controller(pod)!.Value.GetProperty("uid").GetString()!)));
        foreach (var cronJob in cronJobs)
        {
            var runs = jobs.Values.Count(job => SampleClusters.Controller(job)?.GetProperty("uid").GetString() == SampleClusters.Uid(cronJob));
            Assert.Equal(3, runs);
        }
    }

    private static bool Selects(IReadOnlyDictionary<string, string> matchLabels, JsonElement pod)
    {
        var labels = SampleClusters.Labels(pod);
        return matchLabels.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value);
    }

    private static bool IsReady(JsonElement pod) =>
        pod.GetProperty("status").TryGetProperty("conditions", out var conditions)
        && conditions.EnumerateArray().Any(c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True");
}
