using System.Text.Json;

namespace KubeFleet.Engine.Discovery;

/// <summary>
/// Aggregated discovery (<c>apidiscovery.k8s.io</c> v2 and v2beta1, one shape): all groups,
/// versions and resources of <c>/api</c> or <c>/apis</c> in one answer, read with client-go's
/// rules (<c>discovery/aggregated_discovery.go</c>).
/// </summary>
internal static class AggregatedDiscovery
{
    /// <summary>What client-go 1.32 asks for: v2, then v2beta1, then the legacy documents.</summary>
    public const string Accept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
        + "application/json";

    /// <summary>Whether the server answered with an aggregated document rather than a legacy one.</summary>
    public static bool Describes(string? contentType) =>
        contentType is not null
        && contentType.Contains("g=apidiscovery.k8s.io", StringComparison.OrdinalIgnoreCase)
        && contentType.Contains("as=APIGroupDiscoveryList", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The groups of an <c>APIGroupDiscoveryList</c>. A stale version is reported in
    /// <paramref name="unavailable"/> and left out; the first version that is not stale is the
    /// group's preferred one.
    /// </summary>
    public static List<DiscoveredGroup> Parse(JsonElement root, List<string> unavailable)
    {
        var groups = new List<DiscoveredGroup>();
        foreach (var item in DiscoveryJson.Array(root, "items"))
        {
            var groupName = DiscoveryJson.Text(DiscoveryJson.Object(item, "metadata"), "name");
            var versions = new List<DiscoveredVersion>();
            foreach (var version in DiscoveryJson.Array(item, "versions"))
            {
                var versionName = DiscoveryJson.Text(version, "version");
                if (versionName.Length == 0)
                {
                    continue;
                }

                if (DiscoveryJson.Text(version, "freshness") == "Stale")
                {
                    unavailable.Add(GroupVersion(groupName, versionName) + " (stale)");
                    continue;
                }

                var resources = DiscoveryJson.Array(version, "resources")
                    .Select(resource => ResourceOf(groupName, versionName, resource))
                    .OfType<ApiResource>()
                    .ToList();
                versions.Add(new DiscoveredVersion(versionName, resources));
            }

            groups.Add(new DiscoveredGroup(groupName, versions.FirstOrDefault()?.Version, versions));
        }

        return groups;
    }

    internal static string GroupVersion(string group, string version) => group.Length == 0 ? version : group + "/" + version;

    /// <summary>A resource, or null for one client-go drops: no response kind, or a scope it does not know.</summary>
    private static ApiResource? ResourceOf(string group, string version, JsonElement resource)
    {
        var name = DiscoveryJson.Text(resource, "resource");
        var kind = DiscoveryJson.Text(DiscoveryJson.Object(resource, "responseKind"), "kind");
        var scope = DiscoveryJson.Text(resource, "scope");
        if (name.Length == 0 || kind.Length == 0 || scope is not ("Namespaced" or "Cluster"))
        {
            return null;
        }

        return new ApiResource
        {
            Group = group,
            Version = version,
            Resource = name,
            Kind = kind,
            SingularName = DiscoveryJson.Text(resource, "singularResource"),
            ShortNames = DiscoveryJson.Texts(resource, "shortNames"),
            Categories = DiscoveryJson.Texts(resource, "categories"),
            Namespaced = scope == "Namespaced",
            Verbs = DiscoveryJson.Texts(resource, "verbs"),
        };
    }
}
