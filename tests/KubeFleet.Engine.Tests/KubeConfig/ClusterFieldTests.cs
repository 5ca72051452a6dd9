using System.Text.Json;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

public sealed class ClusterFieldTests
{
    [Fact]
    public void EveryClusterFieldReachesTheClusterAccess()
    {
        var resolved = Resolve(Single(cluster: $$"""
            server: https://api.prod.example:6443/prefix
            certificate-authority-data: {{Base64(TestPki.CertificateAuthorityPem)}}
            tls-server-name: kubernetes.default.svc
            proxy-url: socks5://proxy.example:1080
            disable-compression: true
            extensions:
            - name: other.example/thing
              extension: {ignored: true}
            - name: client.authentication.k8s.io/exec
              extension:
                audience: my-audience
                clusterName: prod-1
                replicas: 3
                ratio: 1.5
                enabled: yes
                quoted: "true"
                nothing: ~
                list: [a, 2]
            """));

        var access = resolved.Access;
        Assert.Equal(new Uri("https://api.prod.example:6443/prefix"), access.Server);
        Assert.Equal(TestPki.CertificateAuthorityPem, access.CertificateAuthorityPem);
        Assert.Equal("kubernetes.default.svc", access.TlsServerName);
        Assert.Equal(new Uri("socks5://proxy.example:1080"), access.ProxyUrl);
        Assert.True(access.DisableCompression);
        Assert.False(access.InsecureSkipTlsVerify);
        Assert.Equal(
            """{"audience":"my-audience","clusterName":"prod-1","replicas":3,"ratio":1.5,"enabled":true,"quoted":"true","nothing":null,"list":["a",2]}""",
            access.ExecClusterConfigJson);
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void UnsetFieldsTakeTheirDefaults()
    {
        var access = Resolve(Single()).Access;

        Assert.Null(access.CertificateAuthorityPem);
        Assert.Null(access.TlsServerName);
        Assert.Null(access.ProxyUrl);
        Assert.Null(access.ExecClusterConfigJson);
        Assert.False(access.DisableCompression);
        Assert.False(access.InsecureSkipTlsVerify);
    }

    [Fact]
    public void InsecureSkipTlsVerifyWorksButWarns()
    {
        var resolved = Resolve(Single(cluster: $"server: {Server}\ninsecure-skip-tls-verify: true"));

        Assert.True(resolved.Access.InsecureSkipTlsVerify);
        var warning = Assert.Single(resolved.Warnings);
        Assert.Contains("TLS verification is off for the cluster 'c'", warning);
        Assert.Equal(InsecureTlsWarning.For("c"), warning);
    }

    [Theory]
    [InlineData("certificate-authority-data: {0}")]
    [InlineData("certificate-authority: /etc/kubernetes/pki/ca.crt")]
    public void InsecureWithACertificateAuthorityIsRefusedAsClientGoRefusesIt(string authority)
    {
        var cluster = $"server: {Server}\ninsecure-skip-tls-verify: true\n" + string.Format(authority, Base64(TestPki.CertificateAuthorityPem));

        var failure = Fails(KubeConfigErrorIds.InsecureWithCertificateAuthority, () => Resolve(Single(cluster)));

        Assert.Contains("specifying a root certificates file with the insecure flag is not allowed", failure.Message);
    }

    [Theory]
    [InlineData("10.0.0.1:6443", "https://10.0.0.1:6443/")]
    [InlineData("https://[::1]:6443", "https://[::1]:6443/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    public void ServerAddresses(string server, string expected)
    {
        var cluster = $"server: \"{server}\"\ninsecure-skip-tls-verify: true";

        Assert.Equal(expected, Resolve(Single(cluster, user: "")).Access.Server.ToString());
    }

    [Fact]
    public void AServerWithoutSchemeOrTlsSettingsMeansHttpAsInClientGo()
    {
        var access = Resolve(Single(cluster: "server: localhost:8080", user: "")).Access;

        Assert.Equal(new Uri("http://localhost:8080"), access.Server);
    }

    [Fact]
    public void CredentialsAreNeverSentOverPlainHttp()
    {
        var failure = Fails(KubeConfigErrorIds.PlainHttpCredentials, () => Resolve(Single(cluster: "server: http://10.0.0.1:8080")));

        Assert.Equal(ErrorKind.SecurityError, failure.Kind);
        Assert.Contains("never sends credentials over plain HTTP", failure.Message);
        Assert.Contains("https://", failure.Message);
    }

    [Fact]
    public void ATokenWithAServerWithoutSchemeIsRefusedRatherThanSentInClear()
    {
        Fails(KubeConfigErrorIds.PlainHttpCredentials, () => Resolve(Single(cluster: "server: 10.0.0.1:6443")));
    }

    [Fact]
    public void AnonymousAccessOverHttpIsAllowed()
    {
        var resolved = Resolve(Single(cluster: "server: http://localhost:8080", user: ""));

        Assert.Equal("None", resolved.Access.Credential.Kind);
    }

    [Fact]
    public void AMissingServerIsRefused()
    {
        var failure = Fails(KubeConfigErrorIds.ServerMissing, () => Resolve(Single(cluster: "tls-server-name: x")));

        Assert.Contains("cluster 'c'", failure.Message);
        Assert.Contains("no server", failure.Message);
    }

    [Theory]
    [InlineData("ftp://10.0.0.1", "'ftp://10.0.0.1'")]
    [InlineData("https://", "'https://'")]
    [InlineData("https://admin:hunter2@10.0.0.1:6443", "user name or password")]
    public void InvalidServersAreRefused(string server, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.ServerInvalid, () => Resolve(Single(cluster: $"server: \"{server}\"")));

        Assert.Contains(expected, failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Theory]
    [InlineData("http://proxy:3128")]
    [InlineData("https://proxy:3128")]
    [InlineData("socks5://proxy:1080")]
    public void SupportedProxySchemes(string proxy)
    {
        Assert.Equal(new Uri(proxy), Resolve(Single(cluster: $"server: {Server}\nproxy-url: {proxy}")).Access.ProxyUrl);
    }

    [Theory]
    [InlineData("ftp://proxy:21", "must be http, https, or socks5")]
    [InlineData("socks4://proxy:1080", "must be http, https, or socks5")]
    [InlineData("not a url", "must be http, https, or socks5")]
    [InlineData("http://me:s3cret@proxy:3128", "user name or password")]
    public void OtherProxiesAreRefused(string proxy, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.ProxyUrlInvalid, () => Resolve(Single(cluster: $"server: {Server}\nproxy-url: {proxy}")));

        Assert.Contains(expected, failure.Message);
        Assert.DoesNotContain("s3cret", failure.Message);
    }

    [Fact]
    public void BothCertificateAuthorityFieldsAreRefused()
    {
        var cluster = $"server: {Server}\ncertificate-authority: /ca.crt\ncertificate-authority-data: {Base64(TestPki.CertificateAuthorityPem)}";

        var failure = Fails(KubeConfigErrorIds.ConflictingFields, () => Resolve(Single(cluster)));

        Assert.Contains("both certificate-authority and certificate-authority-data", failure.Message);
    }

    [Fact]
    public void CertificateAuthorityDataMustBeBase64()
    {
        var cluster = $"server: {Server}\ncertificate-authority-data: \"-----BEGIN CERTIFICATE-----\"";

        var failure = Fails(KubeConfigErrorIds.InvalidBase64, () => Resolve(Single(cluster)));

        Assert.Contains("certificate-authority-data of the cluster 'c'", failure.Message);
    }

    [Theory]
    [InlineData("not a certificate at all", "holds no PEM certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "damaged")]
    public void CertificateAuthorityMustBePem(string content, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.InvalidPem, () => Resolve(Single(cluster: $"server: {Server}\ncertificate-authority-data: {Base64(content)}")));

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void ACertificateAuthorityBundleKeepsEveryCertificate()
    {
        var bundle = TestPki.CertificateAuthorityPem + TestPki.Rsa.CertificatePem;

        Assert.Equal(bundle, Resolve(Single(cluster: $"server: {Server}\ncertificate-authority-data: {Base64(bundle)}")).Access.CertificateAuthorityPem);
    }

    [Fact]
    public void MissingAndUnreadableCertificateAuthorityFilesNameTheirPath()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nope.crt");

        var notFound = Fails(KubeConfigErrorIds.ReferencedFileNotFound, () => Resolve(Single(cluster: $"server: {Server}\ncertificate-authority: {missing}")));
        var unreadable = Fails(KubeConfigErrorIds.ReferencedFileUnreadable, () => Resolve(Single(cluster: $"server: {Server}\ncertificate-authority: {folder.Path}")));

        Assert.Equal(missing, notFound.Target);
        Assert.Contains(missing, notFound.Message);
        Assert.Contains(folder.Path, unreadable.Message);
    }

    [Theory]
    [InlineData($"server: {Server}\ninsecure-skip-tls-verify: maybe", "insecure-skip-tls-verify", "must be true or false, not 'maybe'")]
    [InlineData($"server: {Server}\ninsecure-skip-tls-verify: \"true\"", "insecure-skip-tls-verify", "must be true or false, not 'true'")]
    [InlineData("server: [a, b]", "server", "must be a single value")]
    [InlineData($"server: {Server}\nextensions: {{a: b}}", "extensions", "must be a list")]
    public void FieldsOfTheWrongTypeAreRefusedWithTheirPath(string cluster, string field, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.InvalidField, () => KubeConfigLoader.LoadText(Single(cluster)));

        Assert.Contains($"clusters[0].cluster.{field} (line ", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    public void BooleansReadAsKubectlReadsThem(string value, bool expected)
    {
        var access = Resolve(Single(cluster: $"server: {Server}\ninsecure-skip-tls-verify: {value}")).Access;

        Assert.Equal(expected, access.InsecureSkipTlsVerify);
    }

    [Fact]
    public void ExecExtensionIsValidJson()
    {
        var json = Resolve(Single(cluster: $"server: {Server}\nextensions:\n- name: client.authentication.k8s.io/exec\n  extension: {{\"a\": \"quote\\\" and \\\\ slash\"}}")).Access.ExecClusterConfigJson!;

        Assert.Equal("quote\" and \\ slash", JsonDocument.Parse(json).RootElement.GetProperty("a").GetString());
    }
}
