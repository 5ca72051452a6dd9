using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Insight.Summary;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Insight.Summary;

/// <summary>Live summaries of stand-in clusters equal what their data holds, counted here independently.</summary>
[Collection(InsightFleetCollection.Name)]
public sealed class ClusterSummaryTests(InsightFleet fleet)
{
    [Theory]
    [InlineData("cluster-01")]
    [InlineData("cluster-02")]
    public async Task A_summary_counts_nodes_pods_and_capacity_as_the_data_holds_them(string name)
    {
        var cluster = fleet[name];

        var summary = await new ClusterSummaryReader(fleet.Discovery).ReadAsync(fleet.Connect(cluster));

        var nodes = InsightFleet.Objects(cluster, "", "nodes");
        Assert.Equal(nodes.Count, summary.Nodes!.Total);
        Assert.Equal(nodes.Count(node => Conditions(node).Any(condition => condition.Type == "Ready" && condition.Status == "True")), summary.Nodes.Ready);
        Assert.InRange(summary.Nodes.Ready, 1, summary.Nodes.Total);
        Assert.Equal(nodes.Sum(node => Quantity(node, "capacity", "cpu")), summary.Nodes.CpuCapacity);
        Assert.Equal(nodes.Sum(node => Quantity(node, "allocatable", "cpu")), summary.Nodes.CpuAllocatable);
        Assert.Equal(nodes.Sum(node => Math.Ceiling(Quantity(node, "capacity", "memory"))), summary.Nodes.MemoryCapacityBytes);
        Assert.Equal(nodes.Sum(node => Math.Ceiling(Quantity(node, "allocatable", "memory"))), summary.Nodes.MemoryAllocatableBytes);

        var pods = InsightFleet.Objects(cluster, "", "pods");
        var phases = pods.GroupBy(pod => pod.GetProperty("status").GetProperty("phase").GetString()!).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(pods.Count, summary.Pods!.Total);
        Assert.All(summary.Pods.ByPhase, entry => Assert.Equal(phases.GetValueOrDefault(entry.Key), entry.Value));
        Assert.Equal(phases.GetValueOrDefault("Pending"), summary.Pods.Pending);
        Assert.Equal(pods.Count(IsCrashLooping), summary.Pods.CrashLooping);
        Assert.Equal(InsightFleet.Objects(cluster, "", "namespaces").Count, summary.Namespaces);
    }

    [Theory]
    [InlineData("cluster-01")]
    [InlineData("cluster-02")]
    public async Task A_summary_counts_every_usual_kind_and_says_what_the_cluster_serves(string name)
    {
        var cluster = fleet[name];

        var summary = await new ClusterSummaryReader(fleet.Discovery).ReadAsync(fleet.Connect(cluster));

        var expectedCounts = new (string Kind, string Group, string Resource)[]
        {
            ("Namespace", "", "namespaces"), ("Node", "", "nodes"), ("Pod", "", "pods"),
            ("Deployment", "apps", "deployments"), ("StatefulSet", "apps", "statefulsets"), ("DaemonSet", "apps", "daemonsets"),
            ("ReplicaSet", "apps", "replicasets"), ("Job", "batch", "jobs"), ("CronJob", "batch", "cronjobs"),
            ("Service", "", "services"), ("Ingress", "networking.k8s.io", "ingresses"), ("ConfigMap", "", "configmaps"),
            ("Secret", "", "secrets"), ("PersistentVolumeClaim", "", "persistentvolumeclaims"), ("PersistentVolume", "", "persistentvolumes"),
        }.ToDictionary(kind => kind.Kind, kind => (long)InsightFleet.Objects(cluster, kind.Group, kind.Resource).Count);
        Assert.Equal(expectedCounts.OrderBy(entry => entry.Key), summary.ObjectCounts.OrderBy(entry => entry.Key));
        Assert.Equal(cluster.Data.Catalog.Groups.Select(group => group.Preferred.GroupVersion).Order(), summary.ApiGroups.Order());
        Assert.Equal("v1", summary.ApiGroups[0]);
        Assert.Equal(
            InsightFleet.Objects(cluster, "apiextensions.k8s.io", "customresourcedefinitions").Select(crd => crd.GetProperty("metadata").GetProperty("name").GetString()),
            summary.CustomResources);
        Assert.Equal(cluster.Name == "cluster-01", summary.CustomResources!.Contains("certificates.cert-manager.io"));
        Assert.Equal(cluster.Version, summary.Version.GitVersion);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public async Task A_summary_says_when_certificates_expire_and_how_long_a_request_takes()
    {
        var cluster = fleet["cluster-01"];

        var summary = await new ClusterSummaryReader(fleet.Discovery).ReadAsync(fleet.Connect(cluster));

        Assert.Equal(new DateTimeOffset(cluster.Users.Admin.ClientCertificate!.Certificate.NotAfter.ToUniversalTime()), summary.ClientCertificateNotAfter);
        Assert.True(summary.ServerCertificateNotAfter > DateTimeOffset.UtcNow);
        Assert.True(summary.Latency > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_client_certificate_that_expires_within_a_week_is_a_warning()
    {
        var cluster = fleet["cluster-02"];
        var now = DateTimeOffset.UtcNow;
        var expiring = cluster.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], now.AddHours(-1), now.AddDays(3));
        var access = InsightFleet.AccessAs(cluster, cluster.Users.Admin) with { Credential = new ClientCertificateCredential(expiring.CertificatePem, expiring.PrivateKeyPem) };
        using var pool = new ClusterConnectionPool();

        var summary = await new ClusterSummaryReader(fleet.Discovery).ReadAsync(pool.Get(cluster.Name, access));

        var warning = Assert.Single(summary.Warnings);
        Assert.StartsWith("The client certificate KubeFleet uses for cluster 'cluster-02' expires on ", warning);
        Assert.InRange(summary.ClientCertificateNotAfter!.Value, now.AddDays(3).AddSeconds(-1), now.AddDays(3).AddSeconds(1));
    }

    [Fact]
    public async Task Counting_chosen_kinds_resolves_them_as_kubectl_does_and_warns_about_unknown_ones()
    {
        var cluster = fleet["cluster-02"];

        var summary = await new ClusterSummaryReader(fleet.Discovery, ["deploy", "certificates.cert-manager.io", "sa"]).ReadAsync(fleet.Connect(cluster));

        Assert.Equal(InsightFleet.Objects(cluster, "apps", "deployments").Count, summary.ObjectCounts["Deployment"]);
        Assert.Equal(InsightFleet.Objects(cluster, "", "serviceaccounts").Count, summary.ObjectCounts["ServiceAccount"]);
        Assert.False(summary.ObjectCounts.ContainsKey("Secret"));
        var warning = Assert.Single(summary.Warnings);
        Assert.Contains("Cluster 'cluster-02' serves nothing named 'certificates.cert-manager.io'", warning);
    }

    [Fact]
    public async Task What_the_credential_may_not_list_is_left_out_with_a_warning()
    {
        var cluster = fleet["cluster-01"];

        var summary = await new ClusterSummaryReader(fleet.Discovery).ReadAsync(fleet.Connect(cluster, cluster.Users.Viewer));

        Assert.False(summary.ObjectCounts.ContainsKey("Secret"));
        Assert.Equal(InsightFleet.Objects(cluster, "", "configmaps").Count, summary.ObjectCounts["ConfigMap"]);
        Assert.NotNull(summary.Pods);
        Assert.Null(summary.ClientCertificateNotAfter);
        var warning = Assert.Single(summary.Warnings);
        Assert.Contains("lacks secrets", warning);
    }

    [Fact]
    public async Task A_credential_confined_to_one_namespace_gets_a_summary_of_what_it_may_see()
    {
        var cluster = fleet["cluster-02"];

        var summary = await new ClusterSummaryReader(fleet.Discovery).ReadAsync(fleet.Connect(cluster, cluster.Users.Scoped));

        Assert.Equal(cluster.Version, summary.Version.GitVersion);
        Assert.Null(summary.Nodes);
        Assert.Null(summary.Pods);
        Assert.Null(summary.Namespaces);
        Assert.Contains(summary.Warnings, warning => warning.Contains("lacks nodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fleet_summary_reports_each_cluster_and_a_dead_one_as_an_error()
    {
        var outcomes = new List<SummaryOutcome>();
        var dead = new SearchTarget("dead", InsightFleet.AccessAs(fleet["cluster-01"], fleet["cluster-01"].Users.Admin) with { Server = new Uri("https://127.0.0.1:1") });
        using var pool = new ClusterConnectionPool();

        await new FleetSummary(pool, new ClusterSummaryReader(fleet.Discovery))
            .ReadAsync([fleet.Target(fleet["cluster-01"]), dead, fleet.Target(fleet["cluster-02"])], TimeSpan.FromSeconds(30), outcome =>
            {
                lock (outcomes)
                    outcomes.Add(outcome);
                return ValueTask.CompletedTask;
            });

        Assert.Equal(["cluster-01", "cluster-02", "dead"], outcomes.Select(outcome => outcome.Cluster).Order());
        Assert.All(outcomes.Where(outcome => outcome.Cluster != "dead"), outcome => Assert.NotNull(outcome.Summary));
        var failure = outcomes.Single(outcome => outcome.Cluster == "dead");
        Assert.Null(failure.Summary);
        Assert.Equal("ClusterConnectionRefused", failure.Error!.ErrorId);
    }

    private static IEnumerable<(string? Type, string? Status)> Conditions(JsonElement node) =>
        node.GetProperty("status").GetProperty("conditions").EnumerateArray()
            .Select(condition => (condition.GetProperty("type").GetString(), condition.GetProperty("status").GetString()));

    private static decimal Quantity(JsonElement node, string list, string resource)
    {
        Assert.True(ResourceQuantity.TryParse(node.GetProperty("status").GetProperty(list).GetProperty(resource).GetString(), out var value));
        return value;
    }

    private static bool IsCrashLooping(JsonElement pod) =>
        new[] { "initContainerStatuses", "containerStatuses" }.Any(statuses =>
            pod.GetProperty("status").TryGetProperty(statuses, out var list)
            && list.EnumerateArray().Any(status =>
                status.GetProperty("state").TryGetProperty("waiting", out var waiting)
                && waiting.TryGetProperty("reason", out var reason)
                && reason.GetString() == "CrashLoopBackOff"));
}
