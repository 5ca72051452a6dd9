using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>How the context was chosen: the user named it, or it was the kubeconfig's current one.</summary>
public enum ContextSelection
{
    Named,
    CurrentContext,
}

/// <summary>
/// A kubeconfig context resolved to everything needed to reach its cluster: every file it names
/// already read and embedded, every rule checked.
/// </summary>
public sealed record ResolvedContext
{
    public required string ContextName { get; init; }

    public required ContextSelection Selection { get; init; }

    /// <summary>A registration name derived from the context name (see <see cref="RegistrationNames"/>).</summary>
    public required string RegistrationName { get; init; }

    public required string ClusterName { get; init; }

    /// <summary>Null when the context names no user (requests are anonymous).</summary>
    public string? UserName { get; init; }

    public string? Namespace { get; init; }

    /// <summary>The kubeconfig file that defined the context; null when it came from text.</summary>
    public string? SourceFile { get; init; }

    public required ClusterAccess Access { get; init; }

    /// <summary>Facts of the client certificate, when the credential is one.</summary>
    public ClientCertificateFacts? ClientCertificate { get; init; }

    /// <summary>The command line the exec plugin will run (<see cref="ExecCommandLine"/>), when the credential is one.</summary>
    public string? ExecCommand { get; init; }

    /// <summary>What the user should know: TLS verification off, defaults taken, parts ignored.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One context of a kubeconfig, as listed for registering every context at once.</summary>
public sealed record KubeConfigContextEntry
{
    public required string Name { get; init; }

    /// <summary>A registration name derived from <see cref="Name"/>, unique within the kubeconfig.</summary>
    public required string RegistrationName { get; init; }

    public string? ClusterName { get; init; }

    public string? UserName { get; init; }

    public string? Namespace { get; init; }

    public bool IsCurrent { get; init; }

    /// <summary>The kubeconfig file that defined the context; null when it came from text.</summary>
    public string? SourceFile { get; init; }
}
