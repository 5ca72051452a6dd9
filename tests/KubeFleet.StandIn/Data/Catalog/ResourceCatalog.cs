namespace KubeFleet.StandIn.Data.Catalog;

/// <summary>
/// Everything one cluster serves, in discovery order: the core group first, then the named groups, each
/// with its versions newest-stable first (the first one is the preferred version).
/// </summary>
public sealed class ResourceCatalog : IReadOnlyList<ResourceType>
{
    private readonly IReadOnlyList<ResourceType> types;
    private readonly Dictionary<(string Group, string Version, string Resource), ResourceType> byPath;

    public ResourceCatalog(IEnumerable<ResourceType> types)
    {
        this.types = types.ToArray();
        byPath = this.types.ToDictionary(t => (t.Group, t.Version, t.Resource));
        Groups = this.types
            .GroupBy(t => t.Group)
            .Select(g => new ApiGroup(g.Key, g.GroupBy(t => t.Version).Select(v => new ApiGroupVersion(g.Key, v.Key, v.ToArray())).ToArray()))
            .ToArray();
    }

    /// <summary>The groups in discovery order; the core group (name "") is first when served.</summary>
    public IReadOnlyList<ApiGroup> Groups { get; }

    public int Count => types.Count;

    public ResourceType this[int index] => types[index];

    public ResourceType? Find(string group, string version, string resource) =>
        byPath.GetValueOrDefault((group, version, resource));

    public ApiGroup? FindGroup(string group) => Groups.FirstOrDefault(g => g.Name == group);

    public IEnumerator<ResourceType> GetEnumerator() => types.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>An API group and its served versions, preferred version first.</summary>
public sealed record ApiGroup(string Name, IReadOnlyList<ApiGroupVersion> Versions)
{
    public ApiGroupVersion Preferred => Versions[0];
}

/// <summary>The resources of one group-version, as <c>/api/v1</c> or <c>/apis/{group}/{version}</c> lists them.</summary>
public sealed record ApiGroupVersion(string Group, string Version, IReadOnlyList<ResourceType> Resources)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
