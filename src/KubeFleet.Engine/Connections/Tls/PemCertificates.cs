using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections.Tls;

/// <summary>Loads the PEM that kubeconfigs and exec plugins carry into certificates .NET can use.</summary>
internal static class PemCertificates
{
    public static X509Certificate2Collection LoadCertificateAuthority(string clusterName, string pem)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw InvalidAuthority(clusterName, e);
        }

        if (roots.Count == 0)
        {
            throw InvalidAuthority(clusterName, null);
        }

        return roots;
    }

    /// <summary>
    /// The client certificate with its private key (RSA or ECDSA, PKCS#1, SEC1 or PKCS#8), plus any
    /// intermediate certificates that followed it in the PEM, to be sent along in the handshake.
    /// </summary>
    public static ClientCertificate LoadClientCertificate(string clusterName, string certificatePem, string keyPem, string origin)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException e)
        {
            // The inner exception names only the failing PEM label or algorithm, never key material.
            throw new KubeFleetException(
                ConnectionErrorIds.ClientCertificateInvalid,
                ErrorKind.InvalidData,
                $"The client certificate or key of cluster '{clusterName}' ({origin}) cannot be used: {e.Message} Provide a PEM certificate with its matching RSA or ECDSA private key.",
                clusterName,
                e);
        }

        // Windows' TLS stack cannot use a key that lives only in memory; a PKCS#12 round trip
        // gives it a persisted-style key handle. Other platforms use the key as is.
        if (OperatingSystem.IsWindows())
        {
            using var ephemeral = certificate;
            certificate = new X509Certificate2(ephemeral.Export(X509ContentType.Pkcs12));
        }

        var all = new X509Certificate2Collection();
        all.ImportFromPem(certificatePem);
        var intermediates = new X509Certificate2Collection();
        foreach (var candidate in all)
        {
            if (candidate.Thumbprint != certificate.Thumbprint)
            {
                intermediates.Add(candidate);
            }
        }

        return new ClientCertificate(certificate, intermediates);
    }

    private static KubeFleetException InvalidAuthority(string clusterName, Exception? inner) => new(
        ConnectionErrorIds.CertificateAuthorityInvalid,
        ErrorKind.InvalidData,
        $"The certificate authority of cluster '{clusterName}' holds no usable PEM certificate. Provide the cluster's CA bundle (certificate-authority-data in its kubeconfig).",
        clusterName,
        inner);
}

/// <summary>A client certificate with its key, and the intermediates that complete its chain.</summary>
internal sealed record ClientCertificate(X509Certificate2 Certificate, X509Certificate2Collection Intermediates)
{
    public override string ToString() => $"ClientCertificate {{ Subject = {Certificate.Subject}, NotAfter = {Certificate.NotAfter:u} }}";
}
