namespace KubeFleet.StandIn.Data.Storage;

/// <summary>
/// The objects of one resource, in etcd order: sorted byte-wise by key (<c>namespace/name</c>), so a list is a
/// contiguous slice — all of it across namespaces, or one namespace's run of keys.
/// </summary>
public sealed class ResourceStore
{
    public static readonly ResourceStore Empty = new([]);

    private readonly StoredObject[] objects;
    private readonly Dictionary<string, (int Start, int Count)> namespaceRuns;

    public ResourceStore(IEnumerable<StoredObject> objects)
    {
        this.objects = objects.OrderBy(o => o.Key, StringComparer.Ordinal).ToArray();
        namespaceRuns = this.objects
            .Select((o, index) => (o.Namespace, index))
            .GroupBy(x => x.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().index, g.Count()), StringComparer.Ordinal);
    }

    public int Count => objects.Length;

    /// <summary>Every object, in etcd order.</summary>
    public ReadOnlyMemory<StoredObject> All => objects;

    /// <summary>The objects of one namespace, in etcd order; empty when the namespace has none.</summary>
    public ReadOnlyMemory<StoredObject> InNamespace(string ns) =>
        namespaceRuns.TryGetValue(ns, out var run) ? objects.AsMemory(run.Start, run.Count) : ReadOnlyMemory<StoredObject>.Empty;

    public StoredObject? Find(string ns, string name)
    {
        var run = InNamespace(ns).Span;
        var low = 0;
        var high = run.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(run[middle].Name, name);
            if (order == 0)
            {
                return run[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }
}
