namespace KubeFleet.Engine.KubeConfig;

// The kubeconfig's entries as written, before any file is read or any rule is checked: a context
// is only checked when it is resolved, so one broken user does not stop the others from registering.

internal sealed record ClusterEntry(string Name, KubeConfigOrigin Origin)
{
    public string? Server { get; init; }

    public string? CertificateAuthority { get; init; }

    public string? CertificateAuthorityData { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }

    public string? ProxyUrl { get; init; }

    public bool DisableCompression { get; init; }

    /// <summary>The <c>client.authentication.k8s.io/exec</c> extension, as JSON.</summary>
    public string? ExecExtensionJson { get; init; }
}

/// <summary>A <c>users[].user</c> entry. Holds secrets: its text form names none of them.</summary>
internal sealed record UserEntry(string Name, KubeConfigOrigin Origin)
{
    public string? ClientCertificate { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientKey { get; init; }

    public string? ClientKeyData { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? Impersonate { get; init; }

    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];

    /// <summary><c>as-uid</c> or <c>as-user-extra</c>: impersonation KubeFleet cannot send.</summary>
    public string? UnsupportedImpersonationField { get; init; }

    /// <summary>Basic auth: only whether it is there matters, since it is refused.</summary>
    public bool HasBasicAuth { get; init; }

    public string? AuthProviderName { get; init; }

    public ExecEntry? Exec { get; init; }

    public override string ToString() => $"UserEntry {{ Name = {Name} }}";
}

/// <summary>A <c>user.exec</c> block. Its environment values may be secrets.</summary>
internal sealed record ExecEntry
{
    public string? Command { get; init; }

    public string? ApiVersion { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyList<ExecEnvEntry> Env { get; init; } = [];

    public string? InteractiveMode { get; init; }

    public bool ProvideClusterInfo { get; init; }

    public string? InstallHint { get; init; }

    public override string ToString() => $"ExecEntry {{ Command = {Command}, ApiVersion = {ApiVersion} }}";
}

internal sealed record ExecEnvEntry(string? Name, string Value)
{
    public override string ToString() => $"{Name}=***";
}

internal sealed record ContextEntry(string Name, KubeConfigOrigin Origin)
{
    public string? Cluster { get; init; }

    public string? User { get; init; }

    public string? Namespace { get; init; }
}

/// <summary>One kubeconfig file (or text), entries in the order written.</summary>
internal sealed record KubeConfigContent(
    IReadOnlyList<ClusterEntry> Clusters,
    IReadOnlyList<UserEntry> Users,
    IReadOnlyList<ContextEntry> Contexts,
    string? CurrentContext)
{
    public static KubeConfigContent Empty { get; } = new([], [], [], null);
}
