using KubeFleet.Engine.Workspaces;

namespace KubeFleet;

/// <summary>
/// A workspace as Get-KubeWorkspace shows it: a named group of registered clusters. Its Name binds
/// by property name to -Name of Export-KubeWorkspace, so it can be piped there.
/// </summary>
public sealed class KubeWorkspace
{
    private KubeWorkspace(Workspace workspace)
    {
        Name = workspace.Name;
        Clusters = workspace.Clusters;
    }

    public string Name { get; }

    /// <summary>The names of its clusters, in order.</summary>
    public IReadOnlyList<string> Clusters { get; }

    public int ClusterCount => Clusters.Count;

    public override string ToString() => Name;

    internal static KubeWorkspace From(Workspace workspace) => new(workspace);
}
