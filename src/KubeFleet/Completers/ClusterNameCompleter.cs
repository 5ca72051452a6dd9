using KubeFleet.Engine.Registry;

namespace KubeFleet.Completers;

/// <summary>Completes cluster names from the profile, each with its display name and server as the tooltip.</summary>
public sealed class ClusterNameCompleter : ProfileNameCompleter
{
    private protected override string What => "cluster name";

    private protected override IEnumerable<NameCompletion> Names(ClusterRegistry registry, Wildcard prefix) =>
        registry.Select(ClusterFilter.All, RegistryErrorIds.GetNotFound).Clusters
            .Where(cluster => prefix.Matches(cluster.Name))
            .Select(cluster => new NameCompletion(
                ProfileCompletion.Quote(cluster.Name),
                cluster.Name,
                cluster.DisplayName is { } displayName ? $"{displayName} ({cluster.Server.OriginalString})" : cluster.Server.OriginalString));
}
