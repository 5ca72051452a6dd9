using KubeFleet.Engine.Connections;
using KubeFleet.Engine.KubeConfig;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// Where a cluster's access comes from: a context of a kubeconfig (the current one when none is
/// named), with the server address and exec plugin environment the user supplies on top.
/// </summary>
public sealed record AccessSource
{
    public required LoadedKubeConfig KubeConfig { get; init; }

    /// <summary>The context to use; null or empty means the kubeconfig's current context.</summary>
    public string? ContextName { get; init; }

    /// <summary>
    /// Replaces the kubeconfig's server address, for when that address cannot be reached from here
    /// (a local cluster's in-cluster address, a tunnel, a private endpoint). Null keeps it.
    /// </summary>
    public string? Server { get; init; }

    /// <summary>
    /// Variables for the exec plugin (AWS_PROFILE, keys). They override the kubeconfig's variables
    /// of the same name, and like those they are sealed in the profile.
    /// </summary>
    public IReadOnlyList<ExecEnvVar> ExecEnvironment { get; init; } = [];
}
