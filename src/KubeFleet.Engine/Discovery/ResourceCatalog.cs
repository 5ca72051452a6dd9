using System.Diagnostics.CodeAnalysis;

namespace KubeFleet.Engine.Discovery;

/// <summary>
/// Everything one cluster serves, as its discovery said at <see cref="FetchedAt"/>: every resource
/// of every group version, in discovery order (the core group first, then the groups in the order
/// the server lists them, each group's versions newest-stable first).
/// </summary>
public sealed class ResourceCatalog
{
    internal ResourceCatalog(
        IReadOnlyList<ApiResource> resources,
        IReadOnlyDictionary<string, string> preferredVersions,
        IReadOnlyList<string> unavailableGroupVersions,
        DateTimeOffset fetchedAt)
    {
        Resources = resources;
        PreferredResources = PreferredOf(resources, preferredVersions);
        UnavailableGroupVersions = unavailableGroupVersions;
        FetchedAt = fetchedAt;
    }

    /// <summary>Every resource in every version served.</summary>
    public IReadOnlyList<ApiResource> Resources { get; }

    /// <summary>
    /// One entry per group and resource: the group's preferred version when it serves the
    /// resource, otherwise the first version that does. Names resolve to these, as in kubectl.
    /// </summary>
    public IReadOnlyList<ApiResource> PreferredResources { get; }

    /// <summary>Group versions discovery could not read (stale, or failing); their resources are missing.</summary>
    public IReadOnlyList<string> UnavailableGroupVersions { get; }

    public DateTimeOffset FetchedAt { get; }

    /// <summary>
    /// Resolves a name as kubectl does, ignoring case: a category (<c>all</c>), a plural, singular,
    /// kind or short name (<c>pods</c>, <c>pod</c>, <c>Pod</c>, <c>po</c>), optionally qualified by
    /// group (<c>deployments.apps</c>, <c>Deployment.apps</c>, <c>deploy.apps</c>) or by version and
    /// group (<c>deployments.v1.apps</c>). False when the cluster serves nothing by that name.
    /// </summary>
    public bool TryResolve(string name, [NotNullWhen(true)] out IReadOnlyList<ApiResource>? resources) =>
        ResourceNameResolver.TryResolve(this, name, out resources);

    private static List<ApiResource> PreferredOf(IReadOnlyList<ApiResource> resources, IReadOnlyDictionary<string, string> preferredVersions)
    {
        var chosen = new Dictionary<(string Group, string Resource), int>();
        var preferred = new List<ApiResource>();
        foreach (var resource in resources)
        {
            var key = (resource.Group, resource.Resource);
            if (!chosen.TryGetValue(key, out var index))
            {
                chosen[key] = preferred.Count;
                preferred.Add(resource);
            }
            else if (preferredVersions.TryGetValue(resource.Group, out var version)
                && resource.Version == version
                && preferred[index].Version != version)
            {
                preferred[index] = resource;
            }
        }

        return preferred;
    }
}
