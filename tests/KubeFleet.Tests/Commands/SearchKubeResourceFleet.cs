using System.Text.Json;
using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// A stand-in fleet with every cluster registered, verified, in a test profile of its own under the
/// cluster's own name, so Search-KubeResource runs against it as a user's would. The first and
/// third clusters serve cert-manager's custom resource, the second does not.
/// </summary>
public abstract class SearchKubeResourceFleet(int podsPerCluster, int seed) : IAsyncLifetime
{
    private StandInFleet? fleet;
    private FleetFiles? files;

    public StandInFleet Fleet => fleet ?? throw new InvalidOperationException("The fleet starts in InitializeAsync.");

    public IReadOnlyList<StandInCluster> Clusters => Fleet.Clusters;

    public KubeClusterTestBed Bed { get; } = new();

    /// <summary>The kubeconfig of one of a cluster's users (its admin unless named).</summary>
    public string KubeconfigOf(StandInCluster cluster, string user = UserNames.Admin) => files!.KubeconfigFor(cluster.Name, user);

    public async Task InitializeAsync()
    {
        fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 3, PodsPerCluster = podsPerCluster, Seed = seed });
        files = fleet.WriteFiles(Path.Combine(Bed.Directory, "fleet"));
        foreach (var cluster in fleet.Clusters)
        {
            var run = Bed.Harness<RegisterKubeClusterCommand>().With("Name", cluster.Name).With("KubeConfigPath", KubeconfigOf(cluster)).Invoke();
            Assert.Null(run.TerminatingError);
            Assert.Empty(run.Errors);
        }
    }

    public async Task DisposeAsync()
    {
        if (fleet is not null)
        {
            await fleet.DisposeAsync();
        }

        Bed.Dispose();
    }

    /// <summary>Search-KubeResource over the fleet's profile.</summary>
    public CmdletHarness<SearchKubeResourceCommand> Search() => Bed.Harness<SearchKubeResourceCommand>();

    public Task ClearFaultsAsync() => Fleet.ClearFaultsAsync();

    /// <summary>The objects of one resource type on every cluster that serves it, read from the stand-in's data.</summary>
    public IEnumerable<(StandInCluster Cluster, JsonElement Item)> Objects(string group, string resource) =>
        Clusters.Where(cluster => cluster.Data.Catalog.Any(type => type.Group == group && type.Resource == resource))
            .SelectMany(cluster => cluster.Data.ReadObjects(group, resource).Select(item => (cluster, item)));
}

/// <summary>A fleet the tests only read.</summary>
public sealed class SearchKubeResourceReadFleet() : SearchKubeResourceFleet(podsPerCluster: 80, seed: 23);

/// <summary>A fleet whose clusters the tests break, one test at a time.</summary>
public sealed class SearchKubeResourceFaultFleet() : SearchKubeResourceFleet(podsPerCluster: 40, seed: 29);

[CollectionDefinition(Name)]
public sealed class SearchKubeResourceReadCollection : ICollectionFixture<SearchKubeResourceReadFleet>
{
    public const string Name = "Search-KubeResource against a stand-in fleet";
}

/// <summary>The identity of one result: which object of which cluster.</summary>
public sealed record FoundObject(string Cluster, string? Namespace, string Name)
{
    public static FoundObject Of(KubeResource resource) => new(resource.Cluster, resource.Namespace, resource.Name);

    /// <summary>The identity of an object of the stand-in's data.</summary>
    public static FoundObject Of((StandInCluster Cluster, JsonElement Item) entry)
    {
        var metadata = entry.Item.GetProperty("metadata");
        return new(entry.Cluster.Name, metadata.TryGetProperty("namespace", out var ns) ? ns.GetString() : null, metadata.GetProperty("name").GetString()!);
    }
}
