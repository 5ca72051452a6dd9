using KubeFleet.Engine.Connections;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

/// <summary>The same kubeconfig text must mean to KubeFleet what it means to kubectl.</summary>
public sealed class YamlSemanticsTests
{
    [Fact]
    public void JsonKubeConfigsWork()
    {
        var json = """
            {
            	"apiVersion": "v1",
            	"kind": "Config",
            	"clusters": [{"name": "c", "cluster": {"server": "https://10.0.0.1:6443", "insecure-skip-tls-verify": true}}],
            	"users": [{"name": "u", "user": {"token": "json-token"}}],
            	"contexts": [{"name": "ctx", "context": {"cluster": "c", "user": "u", "namespace": "default"}}],
            	"current-context": "ctx",
            	"preferences": {}
            }
            """;

        var resolved = Resolve(json);

        Assert.Equal("json-token", Assert.IsType<TokenCredential>(resolved.Access.Credential).Token);
        Assert.True(resolved.Access.InsecureSkipTlsVerify);
        Assert.Equal("default", resolved.Namespace);
    }

    [Fact]
    public void MergeKeysApplyWithTheKeysWrittenAfterThemWinning()
    {
        var text = """
            x-defaults: &defaults
              server: https://defaults.example:6443
              tls-server-name: from-defaults
            clusters:
            - name: c
              cluster:
                <<: *defaults
                tls-server-name: explicit
            users:
            - {name: u, user: {token: t0ken}}
            contexts:
            - {name: ctx, context: {cluster: c, user: u}}
            """;

        var access = Resolve(text, "ctx").Access;

        Assert.Equal(new Uri("https://defaults.example:6443"), access.Server);
        Assert.Equal("explicit", access.TlsServerName);
    }

    [Fact]
    public void AMergeAfterAKeyItAlsoSetsIsRefusedBecauseReadersDisagree()
    {
        var text = """
            x-defaults: &defaults {tls-server-name: from-defaults}
            clusters:
            - name: c
              cluster:
                tls-server-name: explicit
                <<: *defaults
            """;

        var failure = Fails(KubeConfigErrorIds.DuplicateKey, () => KubeConfigLoader.LoadText(text));

        Assert.Contains("'tls-server-name'", failure.Message);
        Assert.Contains("put '<<' first", failure.Message);
    }

    [Theory]
    [InlineData("token: 0123", "users[0].user.token")]
    [InlineData("token: 1e3", "users[0].user.token")]
    [InlineData("token: 0x1F", "users[0].user.token")]
    [InlineData("token: t0ken\nas: yes", "users[0].user.as")]
    [InlineData("token: t0ken\nas: jane\nas-groups: [dev, on]", "users[0].user.as-groups[1]")]
    [InlineData("exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws, args: [--port, 8080]}", "users[0].user.exec.args[1]")]
    public void NumbersAndBooleansWhereTextBelongsAreRefusedAsKubectlRefusesThem(string user, string field)
    {
        var failure = Fails(KubeConfigErrorIds.InvalidField, () => KubeConfigLoader.LoadText(Single(user: user)));

        Assert.Contains($"{field} (line ", failure.Message);
        Assert.Contains("Put the value in quotes", failure.Message);
    }

    [Theory]
    [InlineData("token: \"0123\"", "0123")]
    [InlineData("token: '1e3'", "1e3")]
    [InlineData("token: 1.2.3", "1.2.3")]
    [InlineData("token: 12:30", "12:30")]
    [InlineData("token: 2024-01-01", "2024-01-01")]
    [InlineData("token: !!str 42", "42")]
    public void TextThatOnlyLooksLikeANumberIsText(string user, string expected)
    {
        Assert.Equal(expected, Assert.IsType<TokenCredential>(Resolve(Single(user: user)).Access.Credential).Token);
    }

    [Fact]
    public void NullAndEmptyFieldsMeanUnset()
    {
        var resolved = Resolve(Single(cluster: $"server: {Server}\nproxy-url: ~\ntls-server-name: \"\"", user: "token: t0ken\nas: null\nas-groups:"));

        Assert.Null(resolved.Access.ProxyUrl);
        Assert.Null(resolved.Access.TlsServerName);
        Assert.Null(resolved.Access.Impersonate);
    }

    [Fact]
    public void UnknownFieldsAndPreferencesAreIgnoredAsKubectlIgnoresThem()
    {
        var text = Single(cluster: $"server: {Server}\nfuture-field: {{nested: true}}") + "\npreferences: {colors: true}\nextensions: []\n";

        Assert.Equal("ctx", Resolve(text).ContextName);
    }

    [Fact]
    public void FieldNamesAreCaseSensitiveAsInClientGo()
    {
        var resolved = Resolve(Single(cluster: $"server: {Server}\nInsecure-Skip-TLS-Verify: true"));

        Assert.False(resolved.Access.InsecureSkipTlsVerify);
    }

    [Fact]
    public void BlockScalarsAndQuotingAreUnderstood()
    {
        var user = "token: >-\n  folded\nas: 'it''s me'\nas-groups: [\"tab\\tgroup\"]";

        var access = Resolve(Single(user: user)).Access;

        Assert.Equal("folded", Assert.IsType<TokenCredential>(access.Credential).Token);
        Assert.Equal("it's me", access.Impersonate);
        Assert.Equal(["tab\tgroup"], access.ImpersonateGroups);
    }
}
