using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Checks a client certificate and key pair (PEM; RSA or ECDSA, the key in PKCS#1, SEC1 or PKCS#8)
/// and reads its facts. A key that does not belong to the certificate is caught here rather than
/// as an obscure TLS handshake failure later.
/// </summary>
public static class ClientCertificateInspector
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";

    /// <summary>
    /// The facts of the pair, or a <see cref="KubeFleetException"/> saying what is wrong with it.
    /// <paramref name="owner"/> ends "the client certificate of ...", e.g. "user 'admin' in '~/.kube/config'".
    /// </summary>
    public static ClientCertificateFacts Inspect(string certificatePem, string keyPem, string owner, object? target)
    {
        using var certificate = ReadCertificate(certificatePem, owner, target);
        using var key = ReadKey(certificate, keyPem, owner, target);
        if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            throw new KubeFleetException(KubeConfigErrorIds.ClientKeyMismatch, ErrorKind.InvalidData,
                $"The client key of {owner} does not belong to its client certificate ({certificate.Subject}). Pair the certificate with the key it was issued for.",
                target);
        }
        var names = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(name => !name.HasMultipleElements)
            .ToList();
        return new ClientCertificateFacts
        {
            Subject = certificate.Subject,
            CommonName = ValuesOf(names, CommonNameOid).FirstOrDefault(),
            Organizations = ValuesOf(names, OrganizationOid).ToList(),
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            KeyAlgorithm = key is ECDsa ? $"ECDSA P-{key.KeySize}" : $"RSA {key.KeySize}",
            Sha256Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(),
        };
    }

    private static IEnumerable<string> ValuesOf(IEnumerable<X500RelativeDistinguishedName> names, string oid) =>
        names.Where(name => name.GetSingleElementType().Value == oid)
            .Select(name => name.GetSingleElementValue())
            .OfType<string>();

    private static X509Certificate2 ReadCertificate(string pem, string owner, object? target)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw InvalidPem($"The client certificate of {owner} is not a PEM certificate ('-----BEGIN CERTIFICATE-----'), or it is damaged. Export it again.", target, e);
        }
    }

    private static AsymmetricAlgorithm ReadKey(X509Certificate2 certificate, string pem, string owner, object? target)
    {
        if (pem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal) || pem.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new KubeFleetException(KubeConfigErrorIds.UnsupportedKey, ErrorKind.InvalidData,
                $"The client key of {owner} is encrypted with a passphrase, which kubeconfig keys cannot be. Decrypt it (for example 'openssl pkey -in key.pem -out plain.pem') and keep the result private.",
                target);
        }
        AsymmetricAlgorithm key = certificate.PublicKey.Oid.Value switch
        {
            RsaOid => RSA.Create(),
            EcPublicKeyOid => ECDsa.Create(),
            _ => throw new KubeFleetException(KubeConfigErrorIds.UnsupportedKey, ErrorKind.InvalidData,
                $"The client certificate of {owner} has a {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value} key; KubeFleet supports RSA and ECDSA client certificates. Issue an RSA or ECDSA certificate for this user.",
                target),
        };
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            // The key's text is never quoted: it is the secret.
            throw pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal)
                ? new KubeFleetException(KubeConfigErrorIds.ClientKeyMismatch, ErrorKind.InvalidData,
                    $"The client key of {owner} is not a {(key is ECDsa ? "ECDSA" : "RSA")} key like its certificate's ({certificate.Subject}), or it is damaged. Pair the certificate with the key it was issued for.",
                    target, e)
                : InvalidPem($"The client key of {owner} is not a PEM private key ('-----BEGIN ... PRIVATE KEY-----'). Export it again.", target, e);
        }
    }

    private static KubeFleetException InvalidPem(string message, object? target, Exception inner) =>
        new(KubeConfigErrorIds.InvalidPem, ErrorKind.InvalidData, message, target, inner);
}
