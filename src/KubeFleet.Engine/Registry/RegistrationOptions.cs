namespace KubeFleet.Engine.Registry;

/// <summary>What a new registration records besides its access, and how strict it is.</summary>
public sealed record RegistrationOptions
{
    /// <summary>A friendlier name to show; null or empty shows the cluster's name.</summary>
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Saves the access without contacting the cluster: nothing proves it works, and the cluster's
    /// UID, version and user stay unknown (so a second registration of it cannot be noticed).
    /// </summary>
    public bool SkipVerification { get; init; }

    /// <summary>Registers the cluster even when its UID is registered already, under another name.</summary>
    public bool AllowDuplicateCluster { get; init; }
}
