using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections.Tls;

/// <summary>
/// Checks a client certificate's validity period locally, before connecting: a server would only
/// say "Unauthorized" (or drop the handshake), where the certificate itself says exactly when.
/// </summary>
internal static class ClientCertificateValidity
{
    public static void EnsureValid(string clusterName, X509Certificate2 certificate, DateTimeOffset now)
    {
        var notAfter = NotAfter(certificate);
        if (now > notAfter)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ClientCertificateExpired,
                ErrorKind.AuthenticationError,
                $"The client certificate of cluster '{clusterName}' ({certificate.Subject}) expired on {Format(notAfter)}. Get a renewed certificate from the cluster's administrator and rotate the cluster's credentials.",
                clusterName);
        }

        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        if (now < notBefore)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ClientCertificateNotYetValid,
                ErrorKind.AuthenticationError,
                $"The client certificate of cluster '{clusterName}' ({certificate.Subject}) is not valid before {Format(notBefore)}. Check this machine's clock, or wait until then.",
                clusterName);
        }
    }

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) => new(certificate.NotAfter.ToUniversalTime());

    public static string Format(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
