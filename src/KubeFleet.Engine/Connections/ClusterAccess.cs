namespace KubeFleet.Engine.Connections;

/// <summary>
/// Everything needed to reach one cluster as one user: what a kubeconfig context resolves to, what
/// the profile keeps (secrets sealed), and what a connection is opened from.
/// </summary>
public sealed record ClusterAccess
{
    public required Uri Server { get; init; }

    /// <summary>The CA bundle (PEM) to trust exactly; null means the system roots.</summary>
    public string? CertificateAuthorityPem { get; init; }

    public string? TlsServerName { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public Uri? ProxyUrl { get; init; }

    public bool DisableCompression { get; init; }

    public required ClusterCredential Credential { get; init; }

    /// <summary>Impersonation (kubeconfig <c>as</c>); null when not impersonating.</summary>
    public string? Impersonate { get; init; }

    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];

    /// <summary>
    /// The cluster's <c>client.authentication.k8s.io/exec</c> extension as JSON text, handed to an
    /// exec plugin as <c>spec.cluster.config</c> when it asks for cluster info.
    /// </summary>
    public string? ExecClusterConfigJson { get; init; }

    // A record prints every property; a proxy URL can carry a password and a credential is secret.
    public override string ToString() => $"ClusterAccess {{ Server = {Server}, Credential = {Credential.Kind} }}";
}

/// <summary>How a user proves who they are. Subtypes hold secrets: never log or print them.</summary>
public abstract record ClusterCredential
{
    /// <summary>A short, secret-free name of the kind, shown to users: None, Token, ClientCertificate, Exec.</summary>
    public abstract string Kind { get; }
}

public sealed record AnonymousCredential : ClusterCredential
{
    public override string Kind => "None";
}

public sealed record TokenCredential(string Token) : ClusterCredential
{
    public override string Kind => "Token";

    public override string ToString() => "TokenCredential { Token = *** }";
}

public sealed record ClientCertificateCredential(string CertificatePem, string KeyPem) : ClusterCredential
{
    public override string Kind => "ClientCertificate";

    public override string ToString() => "ClientCertificateCredential { KeyPem = *** }";
}

public sealed record ExecCredential(ExecConfig Config) : ClusterCredential
{
    public override string Kind => "Exec";
}

/// <summary>A kubeconfig <c>users[].user.exec</c> block, with client-go's defaults applied.</summary>
public sealed record ExecConfig
{
    public required string ApiVersion { get; init; }

    /// <summary>The command as the kubeconfig names it (shown to the user at registration).</summary>
    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment for the plugin. Values may be secrets (AWS keys): always sealed.</summary>
    public IReadOnlyList<ExecEnvVar> Env { get; init; } = [];

    public ExecInteractiveMode InteractiveMode { get; init; } = ExecInteractiveMode.IfAvailable;

    public bool ProvideClusterInfo { get; init; }

    public string? InstallHint { get; init; }

    /// <summary>The kubeconfig's folder: a command with a path separator is resolved against it.</summary>
    public string? BaseDirectory { get; init; }

    public override string ToString() => $"ExecConfig {{ Command = {Command}, ApiVersion = {ApiVersion} }}";
}

public sealed record ExecEnvVar(string Name, string Value)
{
    public override string ToString() => $"{Name}=***";
}

public enum ExecInteractiveMode
{
    Never,
    IfAvailable,
    Always,
}
