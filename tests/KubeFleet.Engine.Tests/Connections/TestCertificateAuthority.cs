using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>A throwaway CA for tests that need certificates of given names, dates and key kinds.</summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private readonly ECDsa _key;
    private readonly X509Certificate2 _certificate;

    public TestCertificateAuthority(string name = "Test CA")
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _certificate = AuthorityRequest(name, _key).CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    private TestCertificateAuthority(ECDsa key, X509Certificate2 certificate)
    {
        _key = key;
        _certificate = certificate;
    }

    public string Pem => _certificate.ExportCertificatePem();

    /// <summary>The CA's own certificate, without its key: what a server sends along to prove an intermediate.</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>A CA that this one signs, as an organisation's intermediate CA issues its servers' certificates.</summary>
    public TestCertificateAuthority IssueIntermediate(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = AuthorityRequest(name, key);
        return new TestCertificateAuthority(key, Issue(request, DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(4)));
    }

    public X509Certificate2 IssueServer(IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return Issue(request, notBefore, notAfter).CopyWithPrivateKey(key);
    }

    public (string CertificatePem, string KeyPem) IssueClient(string commonName, bool ecdsa = false, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using AsymmetricAlgorithm key = ecdsa ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var request = key is RSA rsa
            ? new CertificateRequest($"CN={commonName}, O=system:masters", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={commonName}, O=system:masters", (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = Issue(request, notBefore, notAfter);
        var keyPem = key is RSA rsaKey ? rsaKey.ExportRSAPrivateKeyPem() : ((ECDsa)key).ExportECPrivateKeyPem();
        return (certificate.ExportCertificatePem(), keyPem);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private static CertificateRequest AuthorityRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private X509Certificate2 Issue(CertificateRequest request, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        // The CA's key is ECDSA whatever the subject's key is, so sign through a generator.
        return request.Create(_certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(90), serial);
    }
}
