using System.Text;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

/// <summary>A kubeconfig is often someone else's file: each trick gets a clear, bounded refusal.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void AliasBombIsRefusedBeforeItExpands()
    {
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        var failure = Fails(KubeConfigErrorIds.AliasLimitExceeded, () => KubeConfigLoader.LoadText(bomb.ToString()));

        Assert.Equal(ErrorKind.LimitsExceeded, failure.Kind);
        Assert.Contains("alias bomb", failure.Message);
    }

    [Fact]
    public void ModestAliasesStillWork()
    {
        var text = """
            clusters:
            - name: c
              cluster: &shared
                server: https://10.0.0.1:6443
                insecure-skip-tls-verify: true
            - name: d
              cluster: *shared
            users:
            - name: u
              user: {token: t0ken}
            contexts:
            - {name: one, context: {cluster: c, user: u}}
            - {name: two, context: {cluster: d, user: u}}
            """;

        var resolved = Resolve(text, "two");

        Assert.Equal("d", resolved.ClusterName);
        Assert.True(resolved.Access.InsecureSkipTlsVerify);
    }

    [Fact]
    public void FileLargerThanTheCapIsRefusedWithoutBeingParsed()
    {
        using var folder = new TempFolder();
        // Not even YAML: a parser that ran would report a syntax error instead.
        var path = folder.Write("huge", "{" + new string('[', KubeConfigLimits.MaxKubeConfigBytes));

        var failure = Fails(KubeConfigErrorIds.TooLarge, () => KubeConfigLoader.LoadFiles([path]));

        Assert.Equal(ErrorKind.LimitsExceeded, failure.Kind);
        Assert.Equal(path, failure.Target);
        Assert.Contains("4 MiB", failure.Message);
    }

    [Fact]
    public void TextLargerThanTheCapIsRefused()
    {
        var text = Single() + "\n# " + new string('x', KubeConfigLimits.MaxKubeConfigBytes);

        Fails(KubeConfigErrorIds.TooLarge, () => KubeConfigLoader.LoadText(text));
    }

    [Theory]
    [InlineData("clusters: []\nusers: []\nclusters: []\n", "'clusters'")]
    [InlineData("users:\n- name: u\n  user:\n    token: a\n    token: b\n", "'token'")]
    [InlineData("users:\n- name: u\n  user: {token: a, \"token\": b}\n", "'token'")]
    public void DuplicateKeysAreRefused(string text, string key)
    {
        var failure = Fails(KubeConfigErrorIds.DuplicateKey, () => KubeConfigLoader.LoadText(text));

        Assert.Contains(key, failure.Message);
        Assert.Contains("line ", failure.Message);
    }

    [Fact]
    public void DuplicateKeysInJsonAreRefused()
    {
        var json = """{"clusters": [], "current-context": "a", "current-context": "b"}""";

        Fails(KubeConfigErrorIds.DuplicateKey, () => KubeConfigLoader.LoadText(json));
    }

    [Fact]
    public void DeepNestingIsRefused()
    {
        var depth = KubeConfigLimits.MaxNestingDepth + 1;
        var text = "clusters: " + new string('[', depth) + new string(']', depth);

        var failure = Fails(KubeConfigErrorIds.TooDeep, () => KubeConfigLoader.LoadText(text));

        Assert.Equal(ErrorKind.LimitsExceeded, failure.Kind);
    }

    [Fact]
    public void NestingWithinTheCapIsAccepted()
    {
        var depth = KubeConfigLimits.MaxNestingDepth - 1;
        var text = "clusters: []\nextensions: " + new string('[', depth) + new string(']', depth);

        Assert.Empty(KubeConfigLoader.LoadText(text).Contexts);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x61, 0x3A, 0x20, 0xC3, 0x28 })]
    public void BinaryFilesAreRefusedAsNotText(byte[] junk)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "junk");
        File.WriteAllBytes(path, junk);

        var failure = Fails(KubeConfigErrorIds.NotText, () => KubeConfigLoader.LoadFiles([path]));

        Assert.Contains("YAML or JSON", failure.Message);
    }

    [Fact]
    public void ControlCharactersInTextAreRefusedWithTheirLine()
    {
        var failure = Fails(KubeConfigErrorIds.NotText, () => KubeConfigLoader.LoadText("clusters: []\nusers: \u0001\n"));

        Assert.Contains("U+0001 on line 2", failure.Message);
    }

    [Fact]
    public void SeveralDocumentsAreRefused()
    {
        var failure = Fails(KubeConfigErrorIds.MultipleDocuments, () => KubeConfigLoader.LoadText(Single() + "\n---\n" + Single()));

        Assert.Contains("more than one YAML document", failure.Message);
    }

    [Theory]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n", "'Deployment' manifest")]
    [InlineData("- clusters\n- users\n", "top level is a list")]
    [InlineData("just some text\n", "top level is a list or a single value")]
    [InlineData("name: web\nreplicas: 3\n", "none of the sections")]
    [InlineData("apiVersion: v2\nkind: Config\n", "apiVersion is 'v2'")]
    public void OtherYamlIsNotAKubeConfig(string text, string reason)
    {
        var failure = Fails(KubeConfigErrorIds.NotAKubeConfig, () => KubeConfigLoader.LoadText(text));

        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public void SyntaxErrorsSayWhere()
    {
        var failure = Fails(KubeConfigErrorIds.SyntaxError, () => KubeConfigLoader.LoadText("clusters:\n- name: [c\n"));

        Assert.Contains("is not valid YAML (line ", failure.Message);
        Assert.NotNull(failure.InnerException);
    }

    [Fact]
    public void AliasToAnUndefinedAnchorIsASyntaxError()
    {
        var failure = Fails(KubeConfigErrorIds.SyntaxError, () => KubeConfigLoader.LoadText("clusters: *nowhere\n"));

        Assert.Contains("*nowhere", failure.Message);
    }

    [Fact]
    public void ANodeReferringToItselfIsRefused()
    {
        Fails(KubeConfigErrorIds.SyntaxError, () => KubeConfigLoader.LoadText("extensions: &loop [*loop]\n"));
    }

    [Fact]
    public void ATokenFilePointingAtAnEndlessDeviceIsCutOff()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Windows has no endless device file to point at.
        }

        var failure = Fails(KubeConfigErrorIds.ReferencedFileTooLarge, () => Resolve(Single(user: "tokenFile: /dev/zero")));

        Assert.Contains("/dev/zero", failure.Message);
    }

    [Fact]
    public void AFolderGivenAsTheKubeConfigIsUnreadable()
    {
        using var folder = new TempFolder();

        var failure = Fails(KubeConfigErrorIds.FileUnreadable, () => KubeConfigLoader.LoadFiles([folder.Path]));

        Assert.Contains("is a folder", failure.Message);
    }
}
