using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>The warning for a client certificate that has expired or will within <see cref="ClusterVerifier.CertificateExpiryWarning"/>.</summary>
internal static class CertificateExpiry
{
    public static string? Warning(string clusterName, DateTimeOffset? notAfter, DateTimeOffset now)
    {
        if (notAfter is not { } expiry || expiry - now > ClusterVerifier.CertificateExpiryWarning)
        {
            return null;
        }

        var when = $"{expiry.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        return expiry <= now
            ? $"The client certificate of cluster '{clusterName}' expired on {when}. Get a renewed certificate and give it to the cluster with Update-KubeClusterCertificate."
            : $"The client certificate of cluster '{clusterName}' expires on {when}, in {Math.Max(0, (int)(expiry - now).TotalDays)} days. Get a renewed certificate and give it to the cluster with Update-KubeClusterCertificate before then.";
    }
}
