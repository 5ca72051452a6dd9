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
}

/// <summary>A cluster as an edit left it, and what the edit changed, one sentence each.</summary>
public sealed record ClusterEditResult(Profile.ClusterRecord Cluster, IReadOnlyList<string> Changes);
