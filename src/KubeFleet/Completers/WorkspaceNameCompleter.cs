using KubeFleet.Engine.Registry;

namespace KubeFleet.Completers;

/// <summary>Completes workspace names from the profile's clusters, each with its clusters as the tooltip.</summary>
public sealed class WorkspaceNameCompleter : ProfileNameCompleter
{
    private protected override string What => "workspace name";

    private protected override IEnumerable<NameCompletion> Names(ClusterRegistry registry, Wildcard prefix) =>
        registry.Workspaces()
            .Where(workspace => prefix.Matches(workspace.Name))
            .Select(workspace => new NameCompletion(
                ProfileCompletion.Quote(workspace.Name),
                workspace.Name,
                $"{workspace.Clusters.Count} cluster(s): {string.Join(", ", workspace.Clusters)}"));
}
