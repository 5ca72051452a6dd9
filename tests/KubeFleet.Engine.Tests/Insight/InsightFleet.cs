using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;
using KubeFleet.Engine.Tests.Search.Query;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;

namespace KubeFleet.Engine.Tests.Insight;

/// <summary>
/// Two generated stand-in clusters (cluster-01 serves cert-manager, cluster-02 does not), shared
/// by every insight test that talks to a cluster, and ways to reach them as each user.
/// </summary>
public sealed class InsightFleet : IAsyncLifetime
{
    private readonly Dictionary<string, ClusterConnectionPool> pools = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<ObjectRow>> rows = new();

    public StandInFleet Fleet { get; private set; } = null!;

    public DiscoveryCache Discovery { get; } = new();

    public StandInCluster this[string name] => Fleet[name];

    public async Task InitializeAsync() =>
        Fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 2, PodsPerCluster = 120, Seed = 17 });

    public async Task DisposeAsync()
    {
        foreach (var pool in pools.Values)
            pool.Dispose();
        await Fleet.DisposeAsync();
    }

    public static ClusterAccess AccessAs(StandInCluster cluster, StandInUser user) => new()
    {
        Server = cluster.Server,
        CertificateAuthorityPem = cluster.CertificateAuthorityPem,
        Credential = user.ClientCertificate is { } certificate
            ? new ClientCertificateCredential(certificate.CertificatePem, certificate.PrivateKeyPem)
            : new TokenCredential(user.Token!),
    };

    public SearchTarget Target(StandInCluster cluster, StandInUser? user = null) => new(cluster.Name, AccessAs(cluster, user ?? cluster.Users.Admin));

    /// <summary>A connection as the user (admin by default); each user has a pool of its own, so names stay the clusters' names.</summary>
    public ClusterConnection Connect(StandInCluster cluster, StandInUser? user = null)
    {
        user ??= cluster.Users.Admin;
        return Pool(user).Get(cluster.Name, AccessAs(cluster, user));
    }

    public ClusterConnectionPool Pool(StandInUser user)
    {
        lock (pools)
        {
            if (!pools.TryGetValue(user.Name, out var pool))
                pools[user.Name] = pool = new ClusterConnectionPool();
            return pool;
        }
    }

    /// <summary>Every object a cluster holds, read from its data rather than through its API; read once per cluster.</summary>
    internal IReadOnlyList<ObjectRow> Rows(StandInCluster cluster) =>
        rows.GetOrAdd(cluster.Name, _ => ReadRows(cluster));

    private static List<ObjectRow> ReadRows(StandInCluster cluster) =>
        cluster.Data.Catalog
            .Where(type => type.Supports("list"))
            .DistinctBy(type => (type.Group, type.Resource))
            .SelectMany(type => cluster.Data.ReadObjects(type.Group, type.Resource).Select(item => WithType(item, type.GroupVersion, type.Kind)))
            .Select(json => new ObjectRow(cluster.Name, json))
            .ToList();

    /// <summary>The objects of one resource a cluster holds, read from its data.</summary>
    public static IReadOnlyList<JsonElement> Objects(StandInCluster cluster, string group, string resource) =>
        cluster.Data.ReadObjects(group, resource);

    private static string WithType(JsonElement item, string apiVersion, string kind)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(item.GetRawText())!.AsObject();
        node["apiVersion"] = apiVersion;
        node["kind"] = kind;
        return node.ToJsonString();
    }
}

[CollectionDefinition(Name)]
public sealed class InsightFleetCollection : ICollectionFixture<InsightFleet>
{
    public const string Name = "Insight fleet";
}
