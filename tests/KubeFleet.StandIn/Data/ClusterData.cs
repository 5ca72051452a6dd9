using System.Text.Json;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation;
using KubeFleet.StandIn.Data.Storage;

namespace KubeFleet.StandIn.Data;

/// <summary>
/// Everything one stand-in cluster holds: its identity, version, what it serves, and the objects of every
/// served resource, encoded once. The data never changes; only the storage revision moves, when a test
/// compacts history to make old continue tokens expire.
/// </summary>
public sealed class ClusterData
{
    private readonly IReadOnlyDictionary<(string Group, string Resource), ResourceStore> stores;
    private readonly object revisionLock = new();
    private Revisions revisions;

    internal ClusterData(
        ClusterSpec spec, string kubeSystemUid, string apiServerAddress, ResourceCatalog catalog,
        IReadOnlyDictionary<(string Group, string Resource), ResourceStore> stores, long revision)
    {
        Spec = spec;
        Version = ServerVersion.ForMinor(spec.ServerMinor);
        KubeSystemUid = kubeSystemUid;
        ApiServerAddress = apiServerAddress;
        Catalog = catalog;
        this.stores = stores;
        revisions = new Revisions(revision, 0);
    }

    public ClusterSpec Spec { get; }

    public string Name => Spec.Name;

    public ServerVersion Version { get; }

    /// <summary>The UID of the <c>kube-system</c> namespace: the cluster's identity.</summary>
    public string KubeSystemUid { get; }

    /// <summary>The address the API server advertises to clients (legacy <c>/api</c> discovery).</summary>
    public string ApiServerAddress { get; }

    /// <summary>Exactly what this cluster serves; custom resources only where they are installed.</summary>
    public ResourceCatalog Catalog { get; }

    /// <summary>The storage revision lists are read at, and the oldest one still readable.</summary>
    public Revisions Revisions => Volatile.Read(ref revisions);

    /// <summary>
    /// Generates a cluster from its spec; equal specs give identical clusters. Throws a
    /// <see cref="Engine.Errors.KubeFleetException"/> when the spec cannot be honoured.
    /// </summary>
    public static ClusterData Generate(ClusterSpec spec) => new ClusterGenerator(spec).Generate();

    /// <summary>The stored objects of a served resource (shared by all versions of it); empty when it has none.</summary>
    public ResourceStore Store(ResourceType type) => stores.GetValueOrDefault((type.Group, type.Resource), ResourceStore.Empty);

    /// <summary>
    /// The objects of a resource as a client would decode them, in etcd order, for tests to compute what a
    /// correct answer holds without going through the serving code.
    /// </summary>
    public IReadOnlyList<JsonElement> ReadObjects(string group, string resource)
    {
        var store = stores.GetValueOrDefault((group, resource), ResourceStore.Empty);
        var objects = new JsonElement[store.Count];
        var all = store.All.Span;
        for (var i = 0; i < objects.Length; i++)
        {
            objects[i] = JsonSerializer.Deserialize<JsonElement>(all[i].Item.Span);
        }

        return objects;
    }

    /// <summary>
    /// Test hook: as if etcd had compacted history after a write. The revision advances, and continue tokens
    /// issued before now get 410 Expired.
    /// </summary>
    public void Compact()
    {
        lock (revisionLock)
        {
            var next = revisions.Current + 1;
            Volatile.Write(ref revisions, new Revisions(next, next));
        }
    }
}

/// <summary>A consistent view of the storage revisions.</summary>
/// <param name="Current">The revision lists are served at.</param>
/// <param name="Compacted">Reads at revisions older than this fail with 410 Expired; 0 when nothing was compacted.</param>
public sealed record Revisions(long Current, long Compacted);
