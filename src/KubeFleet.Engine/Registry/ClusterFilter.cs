using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// Which registered clusters a command is about: names and workspaces (with wildcards) and labels
/// whose values may hold wildcards, compared regardless of case as PowerShell compares. No names
/// means every cluster; a cluster in any of the workspaces given is in; every label given must match.
/// </summary>
public sealed class ClusterFilter
{
    private readonly IReadOnlyList<(string Key, Wildcard Value)> labels;

    private ClusterFilter(IReadOnlyList<Wildcard> names, IReadOnlyList<(string Key, Wildcard Value)> labels, IReadOnlyList<Wildcard> workspaces)
    {
        Names = names;
        Workspaces = workspaces;
        this.labels = labels;
    }

    public static ClusterFilter All { get; } = new([], [], []);

    public IReadOnlyList<Wildcard> Names { get; }

    public IReadOnlyList<Wildcard> Workspaces { get; }

    /// <exception cref="Errors.KubeFleetException">KubeClusterWildcardInvalid.</exception>
    public static ClusterFilter Create(IEnumerable<string>? names, IEnumerable<KeyValuePair<string, string>>? labels = null, IEnumerable<string>? workspaces = null) => new(
        (names ?? []).Select(name => Wildcard.Parse(name, "cluster name")).ToList(),
        (labels ?? []).Select(label => (label.Key, Wildcard.Parse(label.Value, $"value of label '{label.Key}'"))).ToList(),
        (workspaces ?? []).Select(workspace => Wildcard.Parse(workspace, "workspace name")).ToList());

    /// <summary>The clusters of exactly these names: names taken from objects, not typed as patterns.</summary>
    public static ClusterFilter Exactly(IEnumerable<string> names) => new(names.Select(Wildcard.Exact).ToList(), [], []);

    public bool Matches(ClusterRecord cluster) =>
        (Names.Count == 0 || Names.Any(name => name.Matches(cluster.Name)))
        && (Workspaces.Count == 0 || Workspaces.Any(workspace => cluster.Workspaces.Any(workspace.Matches)))
        && labels.All(wanted => cluster.Labels.Any(label =>
            string.Equals(label.Key, wanted.Key, StringComparison.OrdinalIgnoreCase) && wanted.Value.Matches(label.Value)));
}
