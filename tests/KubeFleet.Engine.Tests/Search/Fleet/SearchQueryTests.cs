using System.Globalization;
using System.Text.Json;
using KubeFleet.Engine.Search;
using KubeFleet.Engine.Search.Query;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>
/// Every Karpor example query, the JSON-path extension and ordering, run live over a fleet; the
/// expected results are read from the stand-in's data.
/// </summary>
public sealed class SearchQueryTests(SearchFleetFixture fixture) : IClassFixture<SearchFleetFixture>, IDisposable
{
    private readonly FleetSearchRunner _runner = new();

    private StandInFleet Fleet => fixture.Fleet;

    private IReadOnlyList<StandInCluster> Clusters => Fleet.Clusters;

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task KindEquals() =>
        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, "", "namespaces"), await QueryAsync("kind='Namespace'"));

    [Fact]
    public async Task KindNotEqualsSearchesTheAllCategoryLessThatKind() =>
        SearchAssert.FoundExactly(AllCategory(item => item.Kind != "Pod"), await QueryAsync("kind!='Pod'"));

    [Fact]
    public async Task ClusterAndKindAsksOnlyThatCluster()
    {
        var outcome = await QueryAsync("cluster='cluster-01' and kind='Pod'");

        SearchAssert.FoundExactly(FleetExpectations.Objects([Fleet["cluster-01"]], "", "pods"), outcome);
        Assert.Equal(["cluster-01"], outcome.Completed.Select(done => done.Cluster));
    }

    [Fact]
    public async Task KindInAList()
    {
        var expected = FleetExpectations.Objects(Clusters, "", "pods");
        expected.UnionWith(FleetExpectations.Objects(Clusters, "", "services"));

        SearchAssert.FoundExactly(expected, await QueryAsync("kind in ('pod','service')"));
    }

    [Fact]
    public async Task KindNotInAList() =>
        SearchAssert.FoundExactly(AllCategory(item => item.Kind is not ("Pod" or "Service")), await QueryAsync("kind not in ('pod','service')"));

    [Theory]
    [InlineData("namespace like 'kube%'")]
    [InlineData("namespace like 'sho_'")]
    [InlineData("namespace not like 'kube%'")]
    public async Task NamespaceLike(string query)
    {
        Func<string?, bool> matches = query switch
        {
            "namespace like 'kube%'" => ns => ns?.StartsWith("kube", StringComparison.Ordinal) == true,
            "namespace like 'sho_'" => ns => ns is { Length: 4 } && ns.StartsWith("sho", StringComparison.Ordinal),
            _ => ns => ns?.StartsWith("kube", StringComparison.Ordinal) != true,
        };

        SearchAssert.FoundExactly(AllCategory(item => matches(item.Namespace)), await QueryAsync(query));
    }

    [Fact]
    public async Task LabelEquals()
    {
        var value = FleetExpectations.Labels(Clusters[0].Data.ReadObjects("apps", "deployments")[0])["app.kubernetes.io/name"];

        var outcome = await QueryAsync($"`labels.app.kubernetes.io/name`='{value}'");

        SearchAssert.FoundExactly(AllCategory(item => FleetExpectations.Labels(item.Json).GetValueOrDefault("app.kubernetes.io/name") == value), outcome);
        Assert.NotEmpty(outcome.Results);
    }

    [Fact]
    public async Task AnnotationEquals()
    {
        var outcome = await QueryAsync("kind='Deployment' and `annotations.deployment.kubernetes.io/revision`='1'");

        var expected = FleetExpectations.Objects(Clusters, "apps", "deployments", item =>
            item.GetProperty("metadata").TryGetProperty("annotations", out var annotations)
            && annotations.TryGetProperty("deployment.kubernetes.io/revision", out var revision)
            && revision.GetString() == "1");
        Assert.NotEmpty(expected);
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Fact]
    public async Task CreatedBefore()
    {
        var created = Clusters.SelectMany(cluster => cluster.Data.ReadObjects("apps", "deployments"))
            .Select(item => DateTimeOffset.Parse(FleetExpectations.Text(item, "metadata", "creationTimestamp"), CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        var cutoff = created[created.Count / 2];

        var outcome = await QueryAsync($"kind='Deployment' and creationTimestamp < '{cutoff:yyyy-MM-ddTHH:mm:ssZ}'");

        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, "apps", "deployments", item =>
            DateTimeOffset.Parse(FleetExpectations.Text(item, "metadata", "creationTimestamp"), CultureInfo.InvariantCulture) < cutoff), outcome);
        Assert.NotEmpty(outcome.Results);
    }

    [Fact]
    public async Task OrderedNewestFirst()
    {
        var outcome = await QueryAsync("kind='Service' order by creationTimestamp desc");

        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, "", "services"), outcome);
        var times = outcome.Results.Select(found => found.CreationTimestamp!.Value).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task ContainsInTheWholeObject()
    {
        var outcome = await QueryAsync("contains(content, 'nginx')");

        SearchAssert.FoundExactly(AllCategory(item => item.Json.GetRawText().Contains("nginx", StringComparison.Ordinal)), outcome);
        Assert.NotEmpty(outcome.Results);
    }

    [Fact]
    public async Task JsonPathIntoTheObject()
    {
        var outcome = await QueryAsync("kind='Deployment' and spec.replicas > 1");

        var expected = FleetExpectations.Objects(Clusters, "apps", "deployments", item => item.GetProperty("spec").GetProperty("replicas").GetInt32() > 1);
        Assert.NotEmpty(expected);
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Fact]
    public async Task ContradictionsAskNoCluster()
    {
        var outcome = await QueryAsync("kind='Pod' and kind='Service'");

        Assert.Empty(outcome.Completed);
        Assert.Single(outcome.Notes);
    }

    [Fact]
    public void ASyntaxErrorIsOneErrorBeforeAnyRequest()
    {
        var failure = Assert.Throws<QueryInvalidException>(() => SearchPlan.Create(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Query = "kind = 'Pod' and" }));

        Assert.Equal("QueryInvalid", failure.ErrorId);
    }

    private Task<SearchOutcome> QueryAsync(string query) => _runner.RunAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Query = query });

    /// <summary>What the <c>all</c> category holds across the fleet, narrowed by a condition on each object.</summary>
    private HashSet<ObjectKey> AllCategory(Func<(string Kind, string? Namespace, JsonElement Json), bool> keep)
    {
        var expected = new HashSet<ObjectKey>();
        foreach (var cluster in Clusters)
        {
            foreach (var type in cluster.Data.Catalog.Where(type => type.Categories.Contains("all")).DistinctBy(type => (type.Group, type.Resource)))
            {
                expected.UnionWith(FleetExpectations.Objects([cluster], type.Group, type.Resource, item => keep((type.Kind, FleetExpectations.Namespace(item), item))));
            }
        }

        return expected;
    }
}
