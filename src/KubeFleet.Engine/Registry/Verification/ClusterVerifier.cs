using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Connections.Tls;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Registry.Verification;

/// <summary>
/// Proves a cluster access works end to end, in the order a failure is best explained: the client
/// certificate's dates (locally), TLS and the server version (<c>/version</c>), authentication and
/// the cluster's identity (an authenticated read of kube-system, whose UID names the cluster), who
/// the credential is, and what it may do.
/// </summary>
public sealed class ClusterVerifier
{
    /// <summary>A client certificate this close to expiry is reported as expiring (KubeSphere warns seven days ahead).</summary>
    public static readonly TimeSpan CertificateExpiryWarning = TimeSpan.FromDays(7);

    private const string IdentityNamespacePath = "/api/v1/namespaces/kube-system";

    private readonly ClusterConnectionPool _pool;

    public ClusterVerifier(ClusterConnectionPool pool)
    {
        _pool = pool;
    }

    /// <summary>
    /// Verifies an access before it is registered (or rotated), over a connection of its own.
    /// Throws the first failure as a classified <see cref="KubeFleetException"/>.
    /// </summary>
    public async Task<ClusterVerification> VerifyAsync(string clusterName, ClusterAccess access, CancellationToken cancellationToken = default)
    {
        using var connection = _pool.OpenUnpooled(clusterName, access);
        var progress = new Progress(clusterName, access);
        await RunAsync(connection, progress, cancellationToken).ConfigureAwait(false);
        return progress.ToVerification();
    }

    /// <summary>
    /// Checks a registered cluster over its pooled connection and classes the outcome. Never throws
    /// for a sick cluster (only when <paramref name="cancellationToken"/> is cancelled).
    /// </summary>
    /// <param name="access">The registered access; null when this profile holds no credential for it.</param>
    /// <param name="registeredUid">The kube-system UID recorded at registration, to detect a different cluster at the same address.</param>
    public async Task<ClusterHealth> CheckHealthAsync(string clusterName, ClusterAccess? access, string? registeredUid, CancellationToken cancellationToken = default)
    {
        if (access is null)
        {
            return new ClusterHealth
            {
                ClusterName = clusterName,
                Status = ClusterHealthStatus.NoCredential,
                Message = $"Cluster '{clusterName}' has no credential in this profile (it came without one, e.g. from a shared workspace). Rotate its credentials with a kubeconfig of your own.",
            };
        }

        var progress = new Progress(clusterName, access);
        try
        {
            var connection = _pool.Get(clusterName, access);
            await RunAsync(connection, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeFleetException failure)
        {
            return progress.ToHealth(HealthStatusOf(failure.ErrorId), failure.Message, registeredUid, failure);
        }

        return Judge(progress, registeredUid);
    }

    private static async Task RunAsync(ClusterConnection connection, Progress progress, CancellationToken cancellationToken)
    {
        var access = connection.Access;
        if (access.Credential is ClientCertificateCredential certificateCredential)
        {
            using var certificate = ReadCertificate(progress.ClusterName, certificateCredential.CertificatePem);
            progress.CertificateNotAfter = ClientCertificateValidity.NotAfter(certificate);
            progress.User = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            ClientCertificateValidity.EnsureValid(progress.ClusterName, certificate, DateTimeOffset.UtcNow);
        }

        using (var version = await connection.GetJsonAsync("/version", cancellationToken).ConfigureAwait(false))
        {
            progress.Version = KubernetesVersion.FromJson(version.RootElement)
                ?? throw NotKubernetes(progress.ClusterName, "its /version has no gitVersion");
        }

        var stopwatch = Stopwatch.StartNew();
        using (var identity = await ReadIdentityNamespaceAsync(connection, progress.ClusterName, cancellationToken).ConfigureAwait(false))
        {
            progress.Latency = stopwatch.Elapsed;
            progress.ClusterUid = identity.RootElement.TryGetProperty("metadata", out var metadata)
                && metadata.TryGetProperty("uid", out var uid)
                && uid.GetString() is { Length: > 0 } text
                    ? text
                    : throw NotKubernetes(progress.ClusterName, "its kube-system namespace has no UID");
        }

        await ReadUserAsync(connection, progress, cancellationToken).ConfigureAwait(false);
        progress.Permissions = await new PermissionReview(connection).ReviewAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonDocument> ReadIdentityNamespaceAsync(ClusterConnection connection, string clusterName, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.GetJsonAsync(IdentityNamespacePath, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode == 403)
        {
            throw new KubeFleetException(
                e.ErrorId,
                e.Kind,
                $"Cluster '{clusterName}' does not let this credential read the kube-system namespace, whose UID identifies the cluster ({e.Status.Message}). Ask the cluster's administrator to allow 'get' on namespaces/kube-system, or register with a credential that may.",
                clusterName,
                e);
        }
        catch (ClusterApiException e) when (e.StatusCode == 404)
        {
            throw NotKubernetes(clusterName, "it has no kube-system namespace", e);
        }
    }

    /// <summary>Who the cluster says the credential is; SelfSubjectReview is GA in 1.28, beta before.</summary>
    private static async Task ReadUserAsync(ClusterConnection connection, Progress progress, CancellationToken cancellationToken)
    {
        foreach (var version in new[] { "v1", "v1beta1" })
        {
            var body = Encoding.UTF8.GetBytes($$"""{"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/{{version}}"}""");
            try
            {
                using var review = await connection.PostJsonAsync($"/apis/authentication.k8s.io/{version}/selfsubjectreviews", body, cancellationToken).ConfigureAwait(false);
                if (review.RootElement.TryGetProperty("status", out var status) && status.TryGetProperty("userInfo", out var userInfo))
                {
                    if (userInfo.TryGetProperty("username", out var username) && username.GetString() is { Length: > 0 } name)
                    {
                        progress.User = name;
                    }

                    if (userInfo.TryGetProperty("groups", out var groups) && groups.ValueKind == JsonValueKind.Array)
                    {
                        progress.Groups = [.. groups.EnumerateArray().Select(group => group.GetString()).OfType<string>()];
                    }
                }

                return;
            }
            catch (ClusterApiException e) when (e.StatusCode is 403 or 404)
            {
                // Not served or not allowed: the user stays what the certificate says, or unknown.
            }
        }
    }

    private static X509Certificate2 ReadCertificate(string clusterName, string certificatePem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException e)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ClientCertificateInvalid,
                ErrorKind.InvalidData,
                $"The client certificate of cluster '{clusterName}' is not a usable PEM certificate ({e.Message}). Provide the certificate from the cluster's kubeconfig (client-certificate-data).",
                clusterName,
                e);
        }
    }

    private static KubeFleetException NotKubernetes(string clusterName, string why, Exception? inner = null) => new(
        ConnectionErrorIds.ResponseInvalid,
        ErrorKind.InvalidData,
        $"Cluster '{clusterName}' does not answer like a Kubernetes API server: {why}. Check that the address is the API server's, not a proxy's or a dashboard's.",
        clusterName,
        inner);

    private static ClusterHealth Judge(Progress progress, string? registeredUid)
    {
        var name = progress.ClusterName;
        if (registeredUid is not null && !string.Equals(registeredUid, progress.ClusterUid, StringComparison.OrdinalIgnoreCase))
        {
            return progress.ToHealth(
                ClusterHealthStatus.IdentityMismatch,
                $"Cluster '{name}' now answers with kube-system UID {progress.ClusterUid}, not the registered {registeredUid}: another cluster is at {progress.Server.Authority}. Check the address, or register that cluster under a name of its own.",
                registeredUid,
                null);
        }

        if (progress.CertificateNotAfter is { } notAfter && notAfter - DateTimeOffset.UtcNow <= CertificateExpiryWarning)
        {
            return progress.ToHealth(
                ClusterHealthStatus.CertificateExpiring,
                $"Cluster '{name}' is reachable, but its client certificate expires on {ClientCertificateValidity.Format(notAfter)}. Get a renewed certificate and rotate the cluster's credentials before then.",
                registeredUid,
                null);
        }

        return progress.ToHealth(
            ClusterHealthStatus.Healthy,
            $"Cluster '{name}' answers as {progress.User ?? "an unnamed user"}: Kubernetes {progress.Version}, {progress.Latency!.Value.TotalMilliseconds:0} ms.",
            registeredUid,
            null);
    }

    private static ClusterHealthStatus HealthStatusOf(string errorId) => errorId switch
    {
        ConnectionErrorIds.ClientCertificateExpired => ClusterHealthStatus.CertificateExpired,
        ConnectionErrorIds.ClientCertificateNotYetValid => ClusterHealthStatus.CertificateNotYetValid,
        ConnectionErrorIds.DnsFailed or ConnectionErrorIds.ConnectionRefused or ConnectionErrorIds.ConnectionFailed or ConnectionErrorIds.Timeout
            => ClusterHealthStatus.Unreachable,
        ConnectionErrorIds.CertificateUntrusted or ConnectionErrorIds.HostnameMismatch or ConnectionErrorIds.ServerCertificateExpired
            or ConnectionErrorIds.ServerCertificateNotYetValid or ConnectionErrorIds.TlsFailed
            => ClusterHealthStatus.UntrustedServer,
        ConnectionErrorIds.Unauthorized => ClusterHealthStatus.Unauthorized,
        ConnectionErrorIds.Forbidden => ClusterHealthStatus.Forbidden,
        ConnectionErrorIds.ExecPluginNotFound or ConnectionErrorIds.ExecPluginFailed or ConnectionErrorIds.ExecPluginTimedOut
            or ConnectionErrorIds.ExecPluginInvalidOutput or ConnectionErrorIds.ExecPluginNeedsTerminal
            => ClusterHealthStatus.CredentialPluginFailed,
        ConnectionErrorIds.ServerAddressInvalid or ConnectionErrorIds.CredentialsOverHttp or ConnectionErrorIds.InsecureWithCertificateAuthority
            or ConnectionErrorIds.ImpersonationInvalid or ConnectionErrorIds.CertificateAuthorityInvalid or ConnectionErrorIds.ClientCertificateInvalid
            or ConnectionErrorIds.RedirectRefused
            => ClusterHealthStatus.Misconfigured,
        _ => ClusterHealthStatus.ServerError,
    };

    /// <summary>What the steps have learnt so far, so a failed check still reports it.</summary>
    private sealed class Progress(string clusterName, ClusterAccess access)
    {
        public string ClusterName { get; } = clusterName;

        public Uri Server => access.Server;

        public KubernetesVersion? Version { get; set; }

        public TimeSpan? Latency { get; set; }

        public string? ClusterUid { get; set; }

        public string? User { get; set; }

        public IReadOnlyList<string> Groups { get; set; } = [];

        public ClusterPermissions? Permissions { get; set; }

        public DateTimeOffset? CertificateNotAfter { get; set; }

        public ClusterVerification ToVerification() => new()
        {
            ClusterName = ClusterName,
            Server = access.Server,
            ClusterUid = ClusterUid!,
            Version = Version!,
            Latency = Latency!.Value,
            AuthKind = access.Credential.Kind,
            ExecCommand = (access.Credential as ExecCredential)?.Config.Command,
            User = User,
            Groups = Groups,
            Permissions = Permissions!,
            ClientCertificateNotAfter = CertificateNotAfter,
        };

        public ClusterHealth ToHealth(ClusterHealthStatus status, string message, string? registeredUid, KubeFleetException? failure) => new()
        {
            ClusterName = ClusterName,
            Status = status,
            Message = message,
            Latency = Latency,
            Version = Version,
            ClusterUid = ClusterUid,
            IdentityMatches = registeredUid is null || ClusterUid is null ? null : string.Equals(registeredUid, ClusterUid, StringComparison.OrdinalIgnoreCase),
            User = User,
            Permissions = Permissions,
            CertificateNotAfter = CertificateNotAfter,
            CertificateDaysLeft = CertificateNotAfter is { } notAfter ? (int)Math.Floor((notAfter - DateTimeOffset.UtcNow).TotalDays) : null,
            ErrorId = failure?.ErrorId,
            Error = failure,
        };
    }
}
