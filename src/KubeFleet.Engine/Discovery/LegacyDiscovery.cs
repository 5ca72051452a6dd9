using System.Text.Json;

namespace KubeFleet.Engine.Discovery;

/// <summary>
/// The documents of discovery before aggregation: <c>APIVersions</c> from <c>/api</c>,
/// <c>APIGroupList</c> from <c>/apis</c>, and one <c>APIResourceList</c> per group version.
/// </summary>
internal static class LegacyDiscovery
{
    /// <summary>The core group's versions, from <c>/api</c>; the first is preferred.</summary>
    public static DiscoveredGroupOutline CoreGroup(JsonElement apiVersions)
    {
        var versions = DiscoveryJson.Texts(apiVersions, "versions");
        return new DiscoveredGroupOutline("", versions.FirstOrDefault(), versions);
    }

    /// <summary>The groups of <c>/apis</c>, each with its versions and preferred version.</summary>
    public static List<DiscoveredGroupOutline> Groups(JsonElement apiGroupList) =>
        DiscoveryJson.Array(apiGroupList, "groups")
            .Select(group =>
            {
                var versions = DiscoveryJson.Array(group, "versions").Select(version => DiscoveryJson.Text(version, "version")).Where(version => version.Length > 0).ToList();
                var preferred = DiscoveryJson.Text(DiscoveryJson.Object(group, "preferredVersion"), "version");
                return new DiscoveredGroupOutline(DiscoveryJson.Text(group, "name"), preferred.Length > 0 ? preferred : versions.FirstOrDefault(), versions);
            })
            .Where(group => group.Name.Length > 0)
            .ToList();

    /// <summary>The resources of one group version's <c>APIResourceList</c>, subresources left out.</summary>
    public static List<ApiResource> Resources(string group, string version, JsonElement resourceList) =>
        DiscoveryJson.Array(resourceList, "resources")
            .Where(resource => DiscoveryJson.Text(resource, "name") is { Length: > 0 } name && !name.Contains('/', StringComparison.Ordinal)
                && DiscoveryJson.Text(resource, "kind").Length > 0)
            .Select(resource => new ApiResource
            {
                Group = group,
                Version = version,
                Resource = DiscoveryJson.Text(resource, "name"),
                Kind = DiscoveryJson.Text(resource, "kind"),
                SingularName = DiscoveryJson.Text(resource, "singularName"),
                ShortNames = DiscoveryJson.Texts(resource, "shortNames"),
                Categories = DiscoveryJson.Texts(resource, "categories"),
                Namespaced = resource.TryGetProperty("namespaced", out var namespaced) && namespaced.ValueKind == JsonValueKind.True,
                Verbs = DiscoveryJson.Texts(resource, "verbs"),
            })
            .ToList();

    /// <summary>The path of a group version's resource list.</summary>
    public static string ResourceListPath(string group, string version) => group.Length == 0 ? "/api/" + version : $"/apis/{group}/{version}";
}

/// <summary>A group as legacy discovery first lists it: names only, resources fetched per version.</summary>
internal sealed record DiscoveredGroupOutline(string Name, string? PreferredVersion, IReadOnlyList<string> Versions);
