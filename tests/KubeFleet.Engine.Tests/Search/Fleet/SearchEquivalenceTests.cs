using System.Text.Json;
using KubeFleet.Engine.Search;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>
/// For a spread of searches, what the engine finds across the fleet is exactly what the clusters
/// hold, worked out independently from the stand-in's data: nothing missing, nothing extra,
/// nothing twice.
/// </summary>
public sealed class SearchEquivalenceTests(SearchFleetFixture fixture) : IClassFixture<SearchFleetFixture>, IDisposable
{
    private readonly FleetSearchRunner _runner = new();

    private StandInFleet Fleet => fixture.Fleet;

    private IReadOnlyList<StandInCluster> Clusters => Fleet.Clusters;

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task FindsEveryPodOfEveryCluster()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods"] });

        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, "", "pods"), outcome);
        Assert.Equal(Clusters.Select(cluster => cluster.Name).Order(), outcome.Completed.Select(done => done.Cluster).Order());
    }

    [Theory]
    [InlineData("deploy", "apps", "deployments")]
    [InlineData("Deployment", "apps", "deployments")]
    [InlineData("deployments.apps", "apps", "deployments")]
    [InlineData("po", "", "pods")]
    [InlineData("SVC", "", "services")]
    [InlineData("cm", "", "configmaps")]
    [InlineData("no", "", "nodes")]
    [InlineData("ns", "", "namespaces")]
    [InlineData("pv", "", "persistentvolumes")]
    [InlineData("cronjob", "batch", "cronjobs")]
    public async Task ResolvesKindsByAnyOfTheirNames(string name, string group, string resource)
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = [name] });

        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, group, resource), outcome);
    }

    [Fact]
    public async Task SearchesACustomResourceWhereItIsServedAndNotesTheOtherClusters()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["certificates.cert-manager.io"] });

        var expected = FleetExpectations.Objects(Clusters, "cert-manager.io", "certificates");
        Assert.NotEmpty(expected);
        SearchAssert.FoundExactly(expected, outcome);
        var note = Assert.Single(outcome.Notes, note => note.Message.Contains("does not serve", StringComparison.Ordinal));
        Assert.Equal("cluster-02", note.Cluster);
    }

    [Fact]
    public async Task WithoutAKindSearchesTheAllCategoryAsKubectlGetAll()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Namespaces = ["shop"] });

        var expected = new HashSet<ObjectKey>();
        foreach (var type in Clusters[0].Data.Catalog.Where(type => type.Categories.Contains("all")).DistinctBy(type => (type.Group, type.Resource)))
        {
            expected.UnionWith(FleetExpectations.Objects(Clusters, type.Group, type.Resource, item => FleetExpectations.Namespace(item) == "shop"));
        }

        Assert.Contains(expected, key => key.Kind == "Deployment");
        Assert.Contains(expected, key => key.Kind == "Service");
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("kube-*")]
    [InlineData("KUBE-SYS?EM")]
    [InlineData("[jkl]ube-system")]
    public async Task FiltersNamespacesByNameOrPattern(string pattern)
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods"], Namespaces = [pattern] });

        var expected = FleetExpectations.Objects(Clusters, "", "pods", item => pattern.Contains('*', StringComparison.Ordinal)
            ? FleetExpectations.Namespace(item)!.StartsWith("kube-", StringComparison.Ordinal)
            : FleetExpectations.Namespace(item) == "kube-system");
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Fact]
    public async Task ListsEachNamedNamespaceAndCoversClusterScopedKindsWhole()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods", "nodes"], Namespaces = ["shop", "kube-system"] });

        var expected = FleetExpectations.Objects(Clusters, "", "pods", item => FleetExpectations.Namespace(item) is "shop" or "kube-system");
        expected.UnionWith(FleetExpectations.Objects(Clusters, "", "nodes"));
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Fact]
    public async Task MatchesNamePatterns()
    {
        var someName = FleetExpectations.Text(Clusters[0].Data.ReadObjects("apps", "deployments")[0], "metadata", "name");
        var prefix = someName[..Math.Min(3, someName.Length)];
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods", "deployments"], Names = [prefix + "*", "*-0"] });

        var expected = FleetExpectations.Objects(Clusters, "", "pods", Named);
        expected.UnionWith(FleetExpectations.Objects(Clusters, "apps", "deployments", Named));
        Assert.NotEmpty(expected);
        SearchAssert.FoundExactly(expected, outcome);

        bool Named(JsonElement item)
        {
            var name = FleetExpectations.Text(item, "metadata", "name");
            return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || name.EndsWith("-0", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FindsOneExactNameWhateverItsCase()
    {
        var pod = Clusters[1].Data.ReadObjects("", "pods")[5];
        var name = FleetExpectations.Text(pod, "metadata", "name");

        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods"], Names = [name.ToUpperInvariant()] });

        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, "", "pods", item => FleetExpectations.Text(item, "metadata", "name") == name), outcome);
    }

    [Fact]
    public async Task AppliesEqualityLabelSelectors()
    {
        var (key, value) = SomeLabel("apps", "deployments");

        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["deployments", "pods"], LabelSelector = $"{key}={value}" });

        var expected = FleetExpectations.Objects(Clusters, "apps", "deployments", item => HasLabel(item, key, value));
        expected.UnionWith(FleetExpectations.Objects(Clusters, "", "pods", item => HasLabel(item, key, value)));
        Assert.NotEmpty(expected);
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Fact]
    public async Task AppliesSetBasedLabelSelectors()
    {
        var (key, value) = SomeLabel("", "pods");
        var outcome = await SearchAsync(new SearchRequest
        {
            Clusters = StandInTargets.Admin(Fleet),
            Kinds = ["pods"],
            LabelSelector = $"{key} in ({value},no-such-value),!pod-template-hash",
        });

        var expected = FleetExpectations.Objects(Clusters, "", "pods", item =>
            HasLabel(item, key, value) && !FleetExpectations.Labels(item).ContainsKey("pod-template-hash"));
        SearchAssert.FoundExactly(expected, outcome);
    }

    [Fact]
    public async Task SendsFieldSelectorsTheKindSupportsToTheServer()
    {
        var node = FleetExpectations.Text(Clusters[0].Data.ReadObjects("", "nodes")[0], "metadata", "name");

        var outcome = await SearchAsync(new SearchRequest
        {
            Clusters = StandInTargets.Admin(Fleet),
            Kinds = ["pods"],
            FieldSelector = $"status.phase=Running,spec.nodeName!={node}",
        });

        var expected = FleetExpectations.Objects(Clusters, "", "pods", item =>
            FleetExpectations.Text(item, "status", "phase") == "Running" && FleetExpectations.Text(item, "spec", "nodeName") != node);
        SearchAssert.FoundExactly(expected, outcome);
        Assert.DoesNotContain(outcome.Notes, note => note.Message.Contains("field selector", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluatesFieldSelectorsTheServerCannotOnEachObject()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["deployments"], FieldSelector = "spec.strategy.type=Recreate" });

        var expected = FleetExpectations.Objects(Clusters, "apps", "deployments", item => FleetExpectations.Text(item, "spec", "strategy", "type") == "Recreate");
        SearchAssert.FoundExactly(expected, outcome);
        Assert.Contains(outcome.Notes, note => note.Cluster is null && note.Message.Contains("deployments.apps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindsNothingTwiceWhenNamesOverlap()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods", "po", "Pod", "pod"] });

        SearchAssert.FoundExactly(FleetExpectations.Objects(Clusters, "", "pods"), outcome);
    }

    [Fact]
    public async Task ReadsEveryPageWhatEverThePageSize()
    {
        var outcome = await SearchAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods", "events"], PageSize = 7 });

        var expected = FleetExpectations.Objects(Clusters, "", "pods");
        expected.UnionWith(FleetExpectations.Objects(Clusters, "", "events"));
        SearchAssert.FoundExactly(expected, outcome);
    }

    private async Task<SearchOutcome> SearchAsync(SearchRequest request) => await _runner.RunAsync(request);

    private (string Key, string Value) SomeLabel(string group, string resource)
    {
        var labels = FleetExpectations.Labels(Clusters[0].Data.ReadObjects(group, resource).Last(item => FleetExpectations.Labels(item).ContainsKey("app.kubernetes.io/name")));
        return ("app.kubernetes.io/name", labels["app.kubernetes.io/name"]);
    }

    private static bool HasLabel(JsonElement item, string key, string value) =>
        FleetExpectations.Labels(item).TryGetValue(key, out var actual) && actual == value;
}
