using System.Text.Json;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Insight.Relations;
using KubeFleet.Engine.Search;
using KubeFleet.Engine.Search.Lists;
using KubeFleet.Engine.Search.Query;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;

namespace KubeFleet.Engine.Tests.Insight.Relations;

/// <summary>
/// Relations read live from generated clusters equal the edge rules applied to everything the
/// cluster holds, so the server-side narrowing of each read loses nothing; and the main edges equal
/// what the data says, worked out here independently.
/// </summary>
[Collection(InsightFleetCollection.Name)]
public sealed class LiveRelationTests(InsightFleet fleet)
{
    public static TheoryData<string, string> Sources => new()
    {
        { "cluster-01", "Deployment" }, { "cluster-01", "ReplicaSet" }, { "cluster-01", "Pod" }, { "cluster-01", "StatefulSet" },
        { "cluster-01", "DaemonSet" }, { "cluster-01", "CronJob" }, { "cluster-01", "Job" }, { "cluster-01", "Service" },
        { "cluster-01", "PodDisruptionBudget" }, { "cluster-01", "Node" }, { "cluster-01", "Secret" }, { "cluster-01", "ConfigMap" },
        { "cluster-01", "PersistentVolumeClaim" }, { "cluster-01", "PersistentVolume" }, { "cluster-01", "ServiceAccount" },
        { "cluster-02", "Pod" }, { "cluster-02", "Service" }, { "cluster-02", "PersistentVolumeClaim" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Live_relations_equal_the_rules_over_everything_the_cluster_holds(string clusterName, string kind)
    {
        var cluster = fleet[clusterName];
        var everything = fleet.Rows(cluster);
        var finder = Finder(cluster);

        var sources = await SampleAsync(cluster, kind);

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var live = await finder.FindAsync(source, RelationFilter.All);
            var expected = RelationRules.Relate(source, read => everything.Where(read.Covers));
            Assert.Equal(expected.Select(Describe), live.Related.Select(Describe));
            Assert.Empty(live.Warnings);
        }
    }

    [Fact]
    public async Task Every_edge_rule_finds_something_in_a_generated_cluster()
    {
        var cluster = fleet["cluster-01"];
        var finder = Finder(cluster);
        var seen = new HashSet<(ResourceRelation, string)>();

        var sources = new List<ClusterResource>();
        foreach (var kind in new[] { "Deployment", "ReplicaSet", "Pod", "Service", "PodDisruptionBudget", "Node", "Secret", "ConfigMap", "PersistentVolumeClaim", "PersistentVolume", "ServiceAccount" })
            sources.AddRange(await SampleAsync(cluster, kind, count: 10));
        var followed = new HashSet<string>();
        for (var index = 0; index < sources.Count; index++)
        {
            foreach (var related in (await finder.FindAsync(sources[index], RelationFilter.All)).Related)
            {
                seen.Add((related.Relation, related.Resource.Kind));
                // A pod that a budget protects or that mounts a secret or claim is looked at too: few pods of a cluster do.
                if (sources[index].Kind is "PodDisruptionBudget" or "Secret" or "PersistentVolumeClaim" && related.Resource.Kind == "Pod" && followed.Add(sources[index].Kind))
                    sources.Add(related.Resource);
            }
        }

        Assert.Empty(
            new HashSet<(ResourceRelation, string)>
            {
                (ResourceRelation.Owner, "Deployment"), (ResourceRelation.Owns, "ReplicaSet"), (ResourceRelation.Owner, "ReplicaSet"), (ResourceRelation.Owns, "Pod"),
                (ResourceRelation.Selects, "Pod"), (ResourceRelation.SelectedBy, "Service"), (ResourceRelation.SelectedBy, "PodDisruptionBudget"),
                (ResourceRelation.RunsOn, "Node"), (ResourceRelation.Hosts, "Pod"),
                (ResourceRelation.Uses, "Secret"), (ResourceRelation.Uses, "ConfigMap"), (ResourceRelation.Uses, "PersistentVolumeClaim"), (ResourceRelation.Uses, "ServiceAccount"),
                (ResourceRelation.UsedBy, "Pod"), (ResourceRelation.BoundTo, "PersistentVolume"), (ResourceRelation.ClaimedBy, "PersistentVolumeClaim"),
            }.Except(seen));
    }

    [Fact]
    public async Task A_deployment_owns_exactly_the_replica_sets_that_name_its_uid()
    {
        var cluster = fleet["cluster-01"];
        var deployment = (await SampleAsync(cluster, "Deployment")).First();

        var related = await Finder(cluster).FindAsync(deployment, new RelationFilter(new HashSet<ResourceRelation> { ResourceRelation.Owns }, null));

        var expected = InsightFleet.Objects(cluster, "apps", "replicasets")
            .Where(set => set.GetProperty("metadata").TryGetProperty("ownerReferences", out var owners)
                && owners.EnumerateArray().Any(owner => owner.GetProperty("uid").GetString() == deployment.Uid))
            .Select(set => set.GetProperty("metadata").GetProperty("name").GetString())
            .Order();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, related.Related.Select(item => item.Resource.Name).Order());
    }

    [Fact]
    public async Task A_service_selects_exactly_the_pods_of_its_namespace_that_carry_its_selector_labels()
    {
        var cluster = fleet["cluster-01"];
        var service = (await SampleAsync(cluster, "Service", count: 50)).First(candidate =>
            Spec(candidate).TryGetProperty("selector", out var selector) && selector.EnumerateObject().Any());
        var selector = Spec(service).GetProperty("selector").EnumerateObject().ToDictionary(entry => entry.Name, entry => entry.Value.GetString());

        var related = await Finder(cluster).FindAsync(service, new RelationFilter(null, RelationDirection.Down));

        var expected = InsightFleet.Objects(cluster, "", "pods")
            .Where(pod => pod.GetProperty("metadata").GetProperty("namespace").GetString() == service.Namespace
                && pod.GetProperty("metadata").TryGetProperty("labels", out var labels)
                && selector.All(entry => labels.TryGetProperty(entry.Key, out var value) && value.GetString() == entry.Value))
            .Select(pod => pod.GetProperty("metadata").GetProperty("name").GetString())
            .Order();
        Assert.Equal(expected, related.Related.Where(item => item.Relation == ResourceRelation.Selects).Select(item => item.Resource.Name).Order());
    }

    [Fact]
    public async Task A_credential_that_may_not_read_secrets_gets_the_other_relations_and_a_warning()
    {
        var cluster = fleet["cluster-01"];
        var viewer = cluster.Users.Viewer;
        var pod = (await SampleAsync(cluster, "Pod", count: 50, viewer)).First(candidate =>
            RelationRules.ReadsFor(candidate).Any(read => read.Kind == "Secret"));

        var related = await Finder(cluster, viewer).FindAsync(pod, RelationFilter.All);

        Assert.DoesNotContain(related.Related, item => item.Resource.Kind == "Secret");
        Assert.Contains(related.Related, item => item.Relation == ResourceRelation.RunsOn);
        var warning = Assert.Single(related.Warnings);
        Assert.Contains("does not let this credential list secrets", warning);
    }

    [Fact]
    public async Task A_fleet_finder_reads_each_resource_from_its_own_cluster_and_names_clusters_it_cannot_reach()
    {
        var reachable = new[] { "cluster-01", "cluster-02" };
        var finder = new FleetRelationFinder(
            fleet.Pool(fleet["cluster-01"].Users.Admin),
            fleet.Discovery,
            name => reachable.Contains(name)
                ? fleet.Target(fleet[name])
                : throw new KubeFleetException("ClusterNotRegistered", ErrorKind.ObjectNotFound, $"No cluster '{name}'.", name),
            CancellationToken.None);
        var first = (await SampleAsync(fleet["cluster-01"], "Deployment")).First();
        var second = (await SampleAsync(fleet["cluster-02"], "Deployment")).First();

        var relationsOfFirst = await finder.FindAsync(first, RelationFilter.All);
        var relationsOfSecond = await finder.FindAsync(second, RelationFilter.All);
        reachable = [];
        var again = await finder.FindAsync(first, RelationFilter.All);

        Assert.All(relationsOfFirst.Related, related => Assert.Equal("cluster-01", related.Resource.Cluster));
        Assert.All(relationsOfSecond.Related, related => Assert.Equal("cluster-02", related.Resource.Cluster));
        Assert.Equal(relationsOfFirst.Related.Select(Describe), again.Related.Select(Describe));
        var failure = await Assert.ThrowsAsync<KubeFleetException>(() => finder.FindAsync(Renamed(second, "cluster-09"), RelationFilter.All));
        Assert.Equal("ClusterNotRegistered", failure.ErrorId);
    }

    private ResourceRelationFinder Finder(StandInCluster cluster, StandInUser? user = null)
    {
        var connection = fleet.Connect(cluster, user);
        return new ResourceRelationFinder(connection, fleet.Discovery.GetAsync(connection).GetAwaiter().GetResult(), CancellationToken.None);
    }

    private async Task<IReadOnlyList<ClusterResource>> SampleAsync(StandInCluster cluster, string kind, int count = 4, StandInUser? user = null)
    {
        var request = new SearchRequest { Clusters = [fleet.Target(cluster, user)], Kinds = [kind], First = count };
        var found = new List<ClusterResource>();
        await foreach (var searchEvent in new FleetSearch(fleet.Pool(user ?? cluster.Users.Admin), fleet.Discovery).RunAsync(SearchPlan.Create(request)))
        {
            if (searchEvent is ResourceFound result)
                found.Add(result.Resource);
        }
        return found;
    }

    private static ClusterResource Renamed(ClusterResource resource, string cluster) =>
        new(cluster, resource.Resource, new ListItem(resource.Json.ToArray(), new ObjectMetadata { Name = resource.Name, Namespace = resource.Namespace, Uid = resource.Uid }));

    private static JsonElement Spec(IQueryRow resource) => resource.Object.GetProperty("spec");

    private static string Describe<TResource>(RelatedResource<TResource> related)
        where TResource : IQueryRow =>
        $"{related.Relation} {related.Direction} {related.Resource.ApiVersion} {related.Resource.Kind} {related.Resource.Namespace}/{related.Resource.Name}";
}
