namespace KubeFleet.Engine.Registry.Verification;

/// <summary>How a registered cluster is doing, from the user's side.</summary>
public enum ClusterHealthStatus
{
    Healthy,

    /// <summary>Healthy, but the client certificate expires within seven days.</summary>
    CertificateExpiring,

    CertificateExpired,
    CertificateNotYetValid,

    /// <summary>It answered, but its kube-system UID is not the registered one: another cluster now lives at that address.</summary>
    IdentityMismatch,

    /// <summary>DNS, connection refused, timeout or a broken connection.</summary>
    Unreachable,

    /// <summary>The server's TLS certificate is not trusted, not for this name, or out of date.</summary>
    UntrustedServer,

    Unauthorized,
    Forbidden,
    CredentialPluginFailed,

    /// <summary>The server answered with an error, throttled past the retries, or not like a Kubernetes API server.</summary>
    ServerError,

    /// <summary>The registered access cannot be used as it is (plain http with credentials, bad PEM, a redirect).</summary>
    Misconfigured,

    /// <summary>No credential is registered for the cluster in this profile.</summary>
    NoCredential,
}
