using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Workspaces;

/// <summary>A named group of registered clusters; it exists while at least one cluster is in it.</summary>
/// <param name="Name">As the first cluster put in it spells it.</param>
/// <param name="Clusters">Its clusters' names, ordered regardless of case.</param>
public sealed record Workspace(string Name, IReadOnlyList<string> Clusters)
{
    /// <summary>Every workspace of these clusters, ordered by name regardless of case.</summary>
    public static IReadOnlyList<Workspace> Of(IEnumerable<ClusterRecord> clusters) =>
        clusters
            .SelectMany(cluster => cluster.Workspaces.Select(workspace => (Workspace: workspace, Cluster: cluster.Name)))
            .GroupBy(member => member.Workspace, StringComparer.OrdinalIgnoreCase)
            .Select(group => new Workspace(group.First().Workspace, group.Select(member => member.Cluster).Order(StringComparer.OrdinalIgnoreCase).ToList()))
            .OrderBy(workspace => workspace.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
