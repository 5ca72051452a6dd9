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

    /// <summary>
    /// When true, a context whose user runs no exec plugin leaves <see cref="ExecEnvironment"/>
    /// unused instead of failing: registering every context of a kubeconfig that mixes EKS
    /// contexts with others.
    /// </summary>
    public bool ExecEnvironmentForPluginsOnly { get; init; }

    /// <summary>
    /// This source once for each context of the kubeconfig, in the kubeconfig's order, with the
    /// registration name derived from each context's name and the exec environment given only to
    /// the contexts that run a plugin.
    /// </summary>
    /// <exception cref="Errors.KubeFleetException">KubeConfigNoContexts.</exception>
    public IReadOnlyList<(string Name, AccessSource Source)> PerContext()
    {
        if (KubeConfig.Contexts.Count == 0)
        {
            throw new Errors.KubeFleetException(
                KubeConfigErrorIds.NoContexts,
                Errors.ErrorKind.ObjectNotFound,
                "The kubeconfig defines no contexts, so there is nothing to register. Check that the right kubeconfig was given.",
                KubeConfig.SourceFiles.Count == 1 ? KubeConfig.SourceFiles[0] : "kubeconfig");
        }

        return KubeConfig.Contexts
            .Select(context => (context.RegistrationName, this with { ContextName = context.Name, ExecEnvironmentForPluginsOnly = true }))
            .ToList();
    }
}
