namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Bounds on what a kubeconfig may make KubeFleet read or build. A kubeconfig is often handed over
/// by someone else, so none of them may be unbounded.
/// </summary>
public static class KubeConfigLimits
{
    /// <summary>A kubeconfig (file or text) larger than this is refused before it is parsed.</summary>
    public const int MaxKubeConfigBytes = 4 * 1024 * 1024;

    /// <summary>A file a kubeconfig points to (CA, client certificate or key, token file).</summary>
    public const int MaxReferencedFileBytes = 1024 * 1024;

    /// <summary>Nesting of mappings and sequences; real kubeconfigs stay under ten.</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Nodes that YAML aliases may add once expanded: stops "billion laughs" documents.</summary>
    public const long MaxAliasExpansion = 100_000;
}
