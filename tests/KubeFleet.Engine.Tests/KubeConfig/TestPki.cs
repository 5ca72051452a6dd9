using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeFleet.Engine.Tests.KubeConfig;

/// <summary>A client certificate with its key in every PEM form a kubeconfig may hold.</summary>
internal sealed record TestCertificate(
    string CertificatePem,
    string Pkcs8KeyPem,
    string TraditionalKeyPem,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Sha256Thumbprint);

/// <summary>Real keys and certificates, made once per test run (RSA key generation is slow).</summary>
internal static class TestPki
{
    public static readonly DateTimeOffset NotBefore = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public static readonly DateTimeOffset NotAfter = new(2035, 6, 7, 8, 9, 10, TimeSpan.Zero);

    private static readonly Lazy<TestCertificate> RsaCertificate = new(() => CreateRsa("CN=alice, O=dev, O=ops"));
    private static readonly Lazy<TestCertificate> OtherRsaCertificate = new(() => CreateRsa("CN=bob"));
    private static readonly Lazy<TestCertificate> EcdsaCertificate = new(CreateEcdsa);
    private static readonly Lazy<string> Authority = new(() => CreateRsa("CN=kubernetes-ca").CertificatePem);

    /// <summary>CN=alice, O=dev, O=ops, RSA 2048.</summary>
    public static TestCertificate Rsa => RsaCertificate.Value;

    /// <summary>CN=bob, RSA 2048: a key that belongs to no other certificate here.</summary>
    public static TestCertificate OtherRsa => OtherRsaCertificate.Value;

    /// <summary>CN=carol, O=system:masters, ECDSA P-256.</summary>
    public static TestCertificate Ecdsa => EcdsaCertificate.Value;

    public static string CertificateAuthorityPem => Authority.Value;

    private static TestCertificate CreateRsa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        return Describe(certificate, key.ExportPkcs8PrivateKeyPem(), key.ExportRSAPrivateKeyPem());
    }

    private static TestCertificate CreateEcdsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=carol, O=system:masters", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        return Describe(certificate, key.ExportPkcs8PrivateKeyPem(), key.ExportECPrivateKeyPem());
    }

    private static TestCertificate Describe(X509Certificate2 certificate, string pkcs8, string traditional) =>
        new(certificate.ExportCertificatePem() + "\n", pkcs8 + "\n", traditional + "\n", NotBefore, NotAfter,
            Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant());
}
