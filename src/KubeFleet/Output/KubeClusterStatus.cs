namespace KubeFleet;

/// <summary>How a registered cluster is doing, as Test-KubeCluster found it.</summary>
public enum KubeClusterStatus
{
    /// <summary>It answered every check with the registered identity.</summary>
    Healthy,

    /// <summary>Healthy, but the client certificate expires within seven days.</summary>
    CertificateExpiring,

    CertificateExpired,
    CertificateNotYetValid,

    /// <summary>It answered, but with another kube-system UID: another cluster now lives at its address.</summary>
    IdentityMismatch,

    /// <summary>DNS failed, the connection was refused or timed out, or the check took longer than allowed.</summary>
    Unreachable,

    /// <summary>The server's TLS certificate is not trusted, not for this name, or out of date.</summary>
    UntrustedServer,

    /// <summary>The cluster did not accept the credential.</summary>
    Unauthorized,

    /// <summary>The credential may not read the kube-system namespace that identifies the cluster.</summary>
    Forbidden,

    /// <summary>The exec credential plugin is missing, failed, timed out or printed no credential.</summary>
    CredentialPluginFailed,

    /// <summary>The server answered with an error, or not as a Kubernetes API server does.</summary>
    ServerError,

    /// <summary>The registered access cannot be used as it is.</summary>
    Misconfigured,

    /// <summary>This profile holds no credential for the cluster.</summary>
    NoCredential,
}
