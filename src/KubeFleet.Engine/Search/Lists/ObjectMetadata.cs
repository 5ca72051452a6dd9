namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// The parts of an object's <c>metadata</c> a search filters, sorts and displays by, read in the
/// same pass that finds the object in its list.
/// </summary>
internal sealed record ObjectMetadata
{
    public static readonly IReadOnlyDictionary<string, string> NoEntries = new Dictionary<string, string>(StringComparer.Ordinal);

    public string Name { get; init; } = "";

    /// <summary>Null for cluster-scoped objects.</summary>
    public string? Namespace { get; init; }

    public string Uid { get; init; } = "";

    public string? ResourceVersion { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = NoEntries;

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = NoEntries;

    public IReadOnlyList<OwnerReference> OwnerReferences { get; init; } = [];

    /// <summary>
    /// Where the object sits in its list: the API server returns lists sorted by this key (its
    /// etcd key, <c>namespace/name</c> or <c>name</c>, compared byte-wise).
    /// </summary>
    public string ListKey => Namespace is { Length: > 0 } ns ? ns + "/" + Name : Name;
}
