using KubeFleet.Engine.Workspaces;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// A partial change to a cluster's descriptive fields. Null keeps a field as it is; an empty value
/// clears it (as Set-KubeCluster tells a parameter left out from one given empty).
/// </summary>
public sealed record ClusterEdit
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>Replaces every label; an empty set removes them all.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The workspaces to put the cluster in or take it out of; null keeps them.</summary>
    public WorkspaceMembership? Workspaces { get; init; }

    /// <summary>What the edit will do, for a confirmation prompt.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (DisplayName is not null)
        {
            parts.Add(DisplayName.Length == 0 ? "clear the display name" : $"set the display name to '{DisplayName}'");
        }

        if (Description is not null)
        {
            parts.Add(Description.Length == 0 ? "clear the description" : $"set the description to '{Description}'");
        }

        if (Labels is not null)
        {
            parts.Add(Labels.Count == 0 ? "remove every label" : $"set the labels to {ClusterRegistry.Describe(Labels)}");
        }

        if (Workspaces is { IsEmpty: false } workspaces)
        {
            parts.Add(workspaces.Describe());
        }

        return parts.Count == 0 ? "Change nothing" : char.ToUpperInvariant(parts[0][0]) + string.Join(", ", parts)[1..];
    }
}

/// <summary>A cluster as an edit left it, and what the edit changed, one sentence each.</summary>
public sealed record ClusterEditResult(Profile.ClusterRecord Cluster, IReadOnlyList<string> Changes);
