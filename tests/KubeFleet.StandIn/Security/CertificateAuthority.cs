using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeFleet.StandIn.Security;

/// <summary>
/// One cluster's CA, as kubeadm sets it up: a single self-signed ECDSA CA that signs the serving
/// certificate and the users' client certificates, so a kubeconfig trusts exactly its own cluster.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly ECDsa key;

    private CertificateAuthority(X509Certificate2 certificate, ECDsa key)
    {
        Certificate = certificate;
        this.key = key;
        CertificatePem = certificate.ExportCertificatePem() + "\n";
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>What a kubeconfig's <c>certificate-authority-data</c> holds (base64 of this text).</summary>
    public string CertificatePem { get; }

    public static CertificateAuthority Create(string commonName, DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));
        return new CertificateAuthority(certificate, key);
    }

    /// <summary>
    /// A serving certificate for <c>127.0.0.1</c>, <c>localhost</c> and any extra names, valid
    /// from <paramref name="notBefore"/> to <paramref name="notAfter"/> (past or future for the
    /// certificate faults).
    /// </summary>
    public IssuedCertificate IssueServerCertificate(string commonName, IEnumerable<string> extraDnsNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        foreach (var name in extraDnsNames)
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(IPAddress.Loopback);
        return Issue(new X500DistinguishedName($"CN={commonName}"), ServerAuth, notBefore, notAfter, names.Build());
    }

    /// <summary>A client certificate the way the x509 authenticator reads it: CN = user, one O per group.</summary>
    public IssuedCertificate IssueClientCertificate(string user, IReadOnlyList<string> groups, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(user);
        return Issue(subject.Build(), ClientAuth, notBefore, notAfter, extraExtension: null);
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to this CA, is within its validity period at
    /// <paramref name="now"/>, and is meant for client authentication, as Go's verifier checks it.
    /// </summary>
    public bool VerifiesClientCertificate(X509Certificate2 certificate, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }

    private IssuedCertificate Issue(X500DistinguishedName subject, Oid usage, DateTimeOffset notBefore, DateTimeOffset notAfter, X509Extension? extraExtension)
    {
        // The leaf key lives as long as the certificate that carries it, so it is not disposed here.
        var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (extraExtension is not null)
        {
            request.CertificateExtensions.Add(extraExtension);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(key), notBefore, notAfter, serial);
        var certificate = signed.CopyWithPrivateKey(leafKey);
        return new IssuedCertificate(certificate, certificate.ExportCertificatePem() + "\n", leafKey.ExportECPrivateKeyPem() + "\n");
    }
}
