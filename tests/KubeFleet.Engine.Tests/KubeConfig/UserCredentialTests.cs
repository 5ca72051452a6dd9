using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

public sealed class UserCredentialTests
{
    public static TheoryData<string, string> KeyForms => new()
    {
        { "rsa", "pkcs8" },
        { "rsa", "traditional" },
        { "ecdsa", "pkcs8" },
        { "ecdsa", "traditional" },
    };

    [Theory]
    [MemberData(nameof(KeyForms))]
    public void ClientCertificatesAndKeysAreEmbeddedWithTheirFacts(string algorithm, string keyForm)
    {
        var pki = algorithm == "rsa" ? TestPki.Rsa : TestPki.Ecdsa;
        var key = keyForm == "pkcs8" ? pki.Pkcs8KeyPem : pki.TraditionalKeyPem;

        var resolved = Resolve(Single(user: $"client-certificate-data: {Base64(pki.CertificatePem)}\nclient-key-data: {Base64(key)}"));

        var credential = Assert.IsType<ClientCertificateCredential>(resolved.Access.Credential);
        Assert.Equal(pki.CertificatePem, credential.CertificatePem);
        Assert.Equal(key, credential.KeyPem);
        var facts = resolved.ClientCertificate!;
        Assert.Equal(TestPki.NotBefore, facts.NotBefore);
        Assert.Equal(TestPki.NotAfter, facts.NotAfter);
        Assert.Equal(pki.Sha256Thumbprint, facts.Sha256Thumbprint);
        if (algorithm == "rsa")
        {
            Assert.Equal("alice", facts.CommonName);
            Assert.Equal(["dev", "ops"], facts.Organizations);
            Assert.Equal("RSA 2048", facts.KeyAlgorithm);
        }
        else
        {
            Assert.Equal("carol", facts.CommonName);
            Assert.Equal(["system:masters"], facts.Organizations);
            Assert.Equal("ECDSA P-256", facts.KeyAlgorithm);
        }
    }

    [Fact]
    public void StoredPairsCanBeInspectedAgainWithoutAKubeConfig()
    {
        var facts = ClientCertificateInspector.Inspect(TestPki.Ecdsa.CertificatePem, TestPki.Ecdsa.TraditionalKeyPem, "cluster 'prod'", "prod");
        var mismatch = Fails(KubeConfigErrorIds.ClientKeyMismatch,
            () => ClientCertificateInspector.Inspect(TestPki.Rsa.CertificatePem, TestPki.OtherRsa.Pkcs8KeyPem, "cluster 'prod'", "prod"));

        Assert.Equal(TestPki.NotAfter, facts.NotAfter);
        Assert.Equal("The client key of cluster 'prod' does not belong to its client certificate (CN=alice, O=dev, O=ops). Pair the certificate with the key it was issued for.", mismatch.Message);
        Assert.Equal("prod", mismatch.Target);
    }

    [Fact]
    public void ClientCertificateFilesAreReadOnceAndEmbedded()
    {
        using var folder = new TempFolder();
        var certificate = folder.Write("pki/alice.crt", TestPki.Rsa.CertificatePem);
        var key = folder.Write("pki/alice.key", TestPki.Rsa.Pkcs8KeyPem);
        var config = folder.Write("config", Single(user: "client-certificate: pki/alice.crt\nclient-key: pki/alice.key"));

        var resolved = KubeConfigLoader.LoadFiles([config]).ResolveContext();
        File.Delete(certificate);
        File.Delete(key);

        var credential = Assert.IsType<ClientCertificateCredential>(resolved.Access.Credential);
        Assert.Equal(TestPki.Rsa.CertificatePem, credential.CertificatePem);
        Assert.Equal(TestPki.Rsa.Pkcs8KeyPem, credential.KeyPem);
    }

    [Theory]
    [InlineData("client-certificate-data", KubeConfigErrorIds.ClientCertificateWithoutKey, "client-key-data or client-key must be specified")]
    [InlineData("client-key-data", KubeConfigErrorIds.ClientKeyWithoutCertificate, "client-certificate-data or client-certificate must be specified")]
    public void HalfAPairIsRefused(string field, string errorId, string expected)
    {
        var failure = Fails(errorId, () => Resolve(Single(user: $"{field}: {Base64(TestPki.Rsa.CertificatePem)}")));

        Assert.Contains(expected, failure.Message);
        Assert.Contains("user 'u'", failure.Message);
    }

    [Theory]
    [InlineData("rsa-with-other-rsa")]
    [InlineData("rsa-with-ecdsa")]
    [InlineData("ecdsa-with-rsa")]
    public void AKeyThatIsNotTheCertificatesIsRefused(string pair)
    {
        var (certificate, key) = pair switch
        {
            "rsa-with-other-rsa" => (TestPki.Rsa.CertificatePem, TestPki.OtherRsa.Pkcs8KeyPem),
            "rsa-with-ecdsa" => (TestPki.Rsa.CertificatePem, TestPki.Ecdsa.TraditionalKeyPem),
            _ => (TestPki.Ecdsa.CertificatePem, TestPki.Rsa.TraditionalKeyPem),
        };

        var failure = Fails(KubeConfigErrorIds.ClientKeyMismatch, () => Resolve(Single(user: $"client-certificate-data: {Base64(certificate)}\nclient-key-data: {Base64(key)}")));

        Assert.Contains("Pair the certificate with the key it was issued for", failure.Message);
        Assert.DoesNotContain("PRIVATE KEY", failure.Message);
    }

    [Theory]
    [InlineData("certificate", "not a certificate", KubeConfigErrorIds.InvalidPem)]
    [InlineData("key", "not a key", KubeConfigErrorIds.InvalidPem)]
    [InlineData("key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", KubeConfigErrorIds.UnsupportedKey)]
    public void UnusablePemIsRefused(string which, string content, string errorId)
    {
        var certificate = which == "certificate" ? content : TestPki.Rsa.CertificatePem;
        var key = which == "key" ? content : TestPki.Rsa.Pkcs8KeyPem;

        Fails(errorId, () => Resolve(Single(user: $"client-certificate-data: {Base64(certificate)}\nclient-key-data: {Base64(key)}")));
    }

    [Fact]
    public void ClientKeyDataThatIsNotBase64IsRefusedWithoutQuotingIt()
    {
        var failure = Fails(KubeConfigErrorIds.InvalidBase64, () => Resolve(Single(user: $"client-certificate-data: {Base64(TestPki.Rsa.CertificatePem)}\nclient-key-data: secret!!material")));

        Assert.Contains("client-key-data of the user 'u'", failure.Message);
        Assert.DoesNotContain("secret!!material", failure.Message);
    }

    [Theory]
    [InlineData("token: abc.def", "abc.def")]
    [InlineData("token: \"  padded-token \\n\"", "padded-token")]
    public void TokensAreTrimmed(string user, string expected)
    {
        Assert.Equal(expected, Assert.IsType<TokenCredential>(Resolve(Single(user: user)).Access.Credential).Token);
    }

    [Fact]
    public void TokenFilesAreReadOnceTrimmedAndEmbedded()
    {
        using var folder = new TempFolder();
        var tokenFile = folder.Write("token", "\n  file-token \r\n");

        var resolved = Resolve(Single(user: $"tokenFile: {tokenFile}"));
        File.Delete(tokenFile);

        Assert.Equal("file-token", Assert.IsType<TokenCredential>(resolved.Access.Credential).Token);
    }

    [Fact]
    public void ATokenFileWithAByteOrderMarkIsRead()
    {
        using var folder = new TempFolder();
        var tokenFile = Path.Combine(folder.Path, "token");
        File.WriteAllText(tokenFile, "bom-token\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("bom-token", Assert.IsType<TokenCredential>(Resolve(Single(user: $"tokenFile: {tokenFile}")).Access.Credential).Token);
    }

    [Fact]
    public void AnInlineTokenWinsOverATokenFileAsInClientGo()
    {
        var resolved = Resolve(Single(user: "token: inline\ntokenFile: /nonexistent/token"));

        Assert.Equal("inline", Assert.IsType<TokenCredential>(resolved.Access.Credential).Token);
    }

    [Fact]
    public void AnEmptyTokenFileIsRefused()
    {
        using var folder = new TempFolder();
        var tokenFile = folder.Write("token", " \n");

        var failure = Fails(KubeConfigErrorIds.EmptyTokenFile, () => Resolve(Single(user: $"tokenFile: {tokenFile}")));

        Assert.Contains(tokenFile, failure.Message);
    }

    [Fact]
    public void AMissingTokenFileNamesItsPath()
    {
        var failure = Fails(KubeConfigErrorIds.ReferencedFileNotFound, () => Resolve(Single(user: "tokenFile: /nonexistent/kubefleet/token")));

        Assert.Contains("/nonexistent/kubefleet/token", failure.Message.Replace('\\', '/'));
    }

    [Theory]
    [InlineData("token: \"line1\\nX-Injected: yes\"")]
    [InlineData("token: \"t\u00f6ken\"")]
    public void TokensThatCannotBeAHeaderAreRefusedWithoutQuotingThem(string user)
    {
        var failure = Fails(KubeConfigErrorIds.InvalidToken, () => Resolve(Single(user: user)));

        Assert.DoesNotContain("line1", failure.Message);
        Assert.DoesNotContain("t\u00f6ken", failure.Message);
    }

    [Fact]
    public void ATokenAndAClientCertificateTogetherAreRefused()
    {
        var user = $"token: t0ken\nclient-certificate-data: {Base64(TestPki.Rsa.CertificatePem)}\nclient-key-data: {Base64(TestPki.Rsa.Pkcs8KeyPem)}";

        Fails(KubeConfigErrorIds.MultipleCredentials, () => Resolve(Single(user: user)));
    }

    [Theory]
    [InlineData("username: admin\npassword: hunter2")]
    [InlineData("password: hunter2")]
    public void BasicAuthIsRefusedNamingWhatToUseInstead(string user)
    {
        var failure = Fails(KubeConfigErrorIds.BasicAuthUnsupported, () => Resolve(Single(user: user)));

        Assert.Contains("removed in 1.19", failure.Message);
        Assert.Contains("token", failure.Message);
        Assert.Contains("exec credential plugin", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Theory]
    [InlineData("gcp", "gke-gcloud-auth-plugin")]
    [InlineData("azure", "kubelogin")]
    [InlineData("oidc", "kubelogin")]
    [InlineData("oidc", "kubectl oidc-login")]
    [InlineData("keystone", "exec credential plugin")]
    public void LegacyAuthProvidersAreRefusedNamingTheirExecPlugin(string provider, string plugin)
    {
        var user = $"auth-provider:\n  name: {provider}\n  config: {{access-token: secret-token}}";

        var failure = Fails(KubeConfigErrorIds.AuthProviderUnsupported, () => Resolve(Single(user: user)));

        Assert.Contains($"'{provider}'", failure.Message);
        Assert.Contains(plugin, failure.Message);
        Assert.DoesNotContain("secret-token", failure.Message);
    }

    [Fact]
    public void ImpersonationIsCarried()
    {
        var access = Resolve(Single(user: "token: t0ken\nas: jane\nas-groups: [developers, \"system:authenticated\"]")).Access;

        Assert.Equal("jane", access.Impersonate);
        Assert.Equal(["developers", "system:authenticated"], access.ImpersonateGroups);
    }

    [Theory]
    [InlineData("as-groups: [developers]", "without impersonating a user")]
    [InlineData("as: jane\nas-uid: \"1234\"", "as-uid")]
    [InlineData("as: jane\nas-user-extra: {scopes: [view]}", "as-user-extra")]
    public void ImpersonationKubeFleetCannotHonourIsRefused(string impersonation, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.ImpersonationInvalid, () => Resolve(Single(user: "token: t0ken\n" + impersonation)));

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void AUserWithNothingIsAnonymous()
    {
        var resolved = Resolve(Single(user: "{}"));

        Assert.IsType<AnonymousCredential>(resolved.Access.Credential);
        Assert.Null(resolved.ClientCertificate);
        Assert.Null(resolved.ExecCommand);
    }

    [Fact]
    public void SecretsNeverAppearInTheResolvedContextsText()
    {
        var canaries = new[] { "canary-token-1f3a", "canary-env-9b7c" };
        var token = Resolve(Single(user: $"token: {canaries[0]}"));
        var certificate = Resolve(Single(user: $"client-certificate-data: {Base64(TestPki.Ecdsa.CertificatePem)}\nclient-key-data: {Base64(TestPki.Ecdsa.Pkcs8KeyPem)}"));
        var exec = Resolve(Single(user: $"exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: aws\n  env: [{{name: AWS_SECRET_ACCESS_KEY, value: {canaries[1]}}}]"));

        var text = string.Join('\n', token, certificate, exec, token.Access, certificate.Access, exec.Access);

        Assert.All(canaries, canary => Assert.DoesNotContain(canary, text));
        Assert.DoesNotContain("PRIVATE KEY", text);
        Assert.Contains("AWS_SECRET_ACCESS_KEY", ((ExecCredential)exec.Access.Credential).Config.Env.Single().ToString());
    }
}
