using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Tests.Search.Fleet;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Discovery;

/// <summary>Discovery reads exactly what a cluster serves, whichever of its three forms the server answers with.</summary>
public sealed class ClusterDiscoveryTests(SearchFleetFixture fixture) : IClassFixture<SearchFleetFixture>, IDisposable
{
    private const string V2Beta1Only = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private const string LegacyOnly = "application/json";

    private readonly ClusterConnectionPool _connections = new();

    private StandInCluster Cluster => fixture.Fleet["cluster-01"];

    public void Dispose() => _connections.Dispose();

    [Theory]
    [InlineData(AggregatedDiscovery.Accept)]
    [InlineData(V2Beta1Only)]
    [InlineData(LegacyOnly)]
    public async Task ReadsEveryResourceTheClusterServes(string accept)
    {
        var catalog = await ClusterDiscovery.FetchAsync(Connection(), accept, CancellationToken.None);

        var expected = Cluster.Data.Catalog
            .Select(type => Describe(type.Group, type.Version, type.Resource, type.Kind, type.Singular, type.Namespaced, type.ShortNames, type.Categories, type.Verbs))
            .Order(StringComparer.Ordinal);
        var actual = catalog.Resources
            .Select(resource => Describe(resource.Group, resource.Version, resource.Resource, resource.Kind, resource.SingularName, resource.Namespaced, resource.ShortNames, resource.Categories, resource.Verbs))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Empty(catalog.UnavailableGroupVersions);
    }

    [Theory]
    [InlineData(AggregatedDiscovery.Accept)]
    [InlineData(LegacyOnly)]
    public async Task PrefersEachGroupsPreferredVersion(string accept)
    {
        var catalog = await ClusterDiscovery.FetchAsync(Connection(), accept, CancellationToken.None);

        foreach (var group in Cluster.Data.Catalog.Groups)
        {
            foreach (var resource in group.Preferred.Resources)
            {
                var preferred = Assert.Single(catalog.PreferredResources, candidate => candidate.Group == group.Name && candidate.Resource == resource.Resource);
                Assert.Equal(group.Preferred.Version, preferred.Version);
            }
        }

        Assert.Equal(catalog.PreferredResources.Count, catalog.PreferredResources.DistinctBy(resource => (resource.Group, resource.Resource)).Count());
    }

    [Fact]
    public async Task CachesACatalogUntilRefreshedOrInvalidated()
    {
        var cache = new DiscoveryCache();
        var connection = Connection();

        var first = await cache.GetAsync(connection);
        var again = await cache.GetAsync(connection);
        var refreshed = await cache.RefreshAsync(connection);
        var afterRefresh = await cache.GetAsync(connection);
        cache.Invalidate(Cluster.Name.ToUpperInvariant());
        var afterInvalidation = await cache.GetAsync(connection);

        Assert.Same(first, again);
        Assert.NotSame(first, refreshed);
        Assert.Same(refreshed, afterRefresh);
        Assert.NotSame(refreshed, afterInvalidation);
    }

    private ClusterConnection Connection() => _connections.Get(Cluster.Name, StandInTargets.Admin(Cluster).Access);

    private static string Describe(string group, string version, string resource, string kind, string singular, bool namespaced, IEnumerable<string> shortNames, IEnumerable<string> categories, IEnumerable<string> verbs) =>
        $"{group}/{version}/{resource} {kind} {singular} {namespaced} [{string.Join(",", shortNames)}] [{string.Join(",", categories)}] [{string.Join(",", verbs)}]";
}
