namespace KubeFleet.Engine.Connections;

/// <summary>
/// The stable error ids of every failure to reach or use a cluster. Scripts match on them, and the
/// health check classes clusters by them, so they live in one place.
/// </summary>
public static class ConnectionErrorIds
{
    // The cluster access itself cannot be used.
    public const string ServerAddressInvalid = "ClusterServerAddressInvalid";
    public const string ImpersonationInvalid = "ClusterImpersonationInvalid";
    public const string CredentialsOverHttp = "ClusterCredentialsOverHttp";
    public const string InsecureWithCertificateAuthority = "ClusterInsecureWithCertificateAuthority";
    public const string CertificateAuthorityInvalid = "ClusterCertificateAuthorityInvalid";
    public const string ClientCertificateInvalid = "ClusterClientCertificateInvalid";
    public const string ClientCertificateExpired = "ClusterClientCertificateExpired";
    public const string ClientCertificateNotYetValid = "ClusterClientCertificateNotYetValid";

    // The network or TLS failed before the server could answer.
    public const string DnsFailed = "ClusterDnsFailed";
    public const string ConnectionRefused = "ClusterConnectionRefused";
    public const string ConnectionFailed = "ClusterConnectionFailed";
    public const string Timeout = "ClusterTimeout";
    public const string CertificateUntrusted = "ClusterCertificateUntrusted";
    public const string HostnameMismatch = "ClusterHostnameMismatch";
    public const string ServerCertificateExpired = "ClusterServerCertificateExpired";
    public const string ServerCertificateNotYetValid = "ClusterServerCertificateNotYetValid";
    public const string TlsFailed = "ClusterTlsFailed";

    // The server answered, with an error.
    public const string Unauthorized = "ClusterUnauthorized";
    public const string Forbidden = "ClusterForbidden";
    public const string ResourceNotFound = "ClusterResourceNotFound";
    public const string Conflict = "ClusterConflict";
    public const string ResourceExpired = "ClusterResourceExpired";
    public const string RequestInvalid = "ClusterRequestInvalid";
    public const string Throttled = "ClusterThrottled";
    public const string ServerError = "ClusterServerError";
    public const string RequestFailed = "ClusterRequestFailed";
    public const string RedirectRefused = "ClusterRedirectRefused";
    public const string ResponseInvalid = "ClusterResponseInvalid";

    // The exec credential plugin.
    public const string ExecPluginNotFound = "ExecPluginNotFound";
    public const string ExecPluginFailed = "ExecPluginFailed";
    public const string ExecPluginTimedOut = "ExecPluginTimedOut";
    public const string ExecPluginInvalidOutput = "ExecPluginInvalidOutput";
    public const string ExecPluginNeedsTerminal = "ExecPluginNeedsTerminal";
}
