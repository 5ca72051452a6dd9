using System.Security.Cryptography.X509Certificates;

namespace KubeFleet.StandIn.Security;

/// <summary>A certificate with its private key, and both as PEM for kubeconfigs.</summary>
public sealed record IssuedCertificate(X509Certificate2 Certificate, string CertificatePem, string PrivateKeyPem)
{
    public override string ToString() => $"IssuedCertificate {{ Subject = {Certificate.Subject}, PrivateKeyPem = *** }}";
}
